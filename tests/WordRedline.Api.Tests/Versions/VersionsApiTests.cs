using System.Net;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;

namespace WordRedline.Api.Tests.Versions;

[TestClass]
public sealed class VersionsApiTests(TestContext testContext)
{
    private CancellationToken Cancel => testContext.CancellationToken;

    [TestMethod]
    [DataRow(VersionsClient.Sqlite)]
    [DataRow(VersionsClient.Postgres)]
    public async Task ThreeVersions_ListDiffExport_TheCliVerifiesAndThenCatchesOneAlteredByte(string provider)
    {
        using var jane = VersionsClient.NewUser(provider, Cancel);
        var id = await jane.CreateContractAsync();

        await jane.SaveAsync(id, Negotiation.Draft);
        await jane.SaveAsync(id, Negotiation.Draft);
        var third = await jane.SaveAsync(id, Negotiation.Signed, "accept-all", Negotiation.Accepted);
        var list = await jane.JsonAsync(HttpMethod.Get, $"/api/v1/contracts/{id}/versions");
        var diff = await jane.JsonAsync(HttpMethod.Get, $"/api/v1/contracts/{id}/diff?from=1&to=3");
        await jane.JsonAsync(HttpMethod.Post, $"/api/v1/contracts/{id}/versions/3/sign", new { signedOn = "2026-03-05" });
        var folder = Directory.CreateTempSubdirectory("wordredline-api-versions").FullName;
        var proof = Path.Combine(folder, "proof.json");
        var signed = Path.Combine(folder, "signed.txt");
        await File.WriteAllBytesAsync(proof, await jane.BytesAsync($"/api/v1/contracts/{id}/export?format=json"), Cancel);
        await File.WriteAllLinesAsync(signed, Negotiation.Signed, Cancel);
        var verified = await Cli.RunAsync(Cancel, "verify", proof, signed);

        Assert.AreEqual("1,2,3", string.Join(",", list.EnumerateArray().Select(v => v.GetProperty("sequence").GetInt32())));
        Assert.AreEqual(list[1].GetProperty("hash").GetString(), third.GetProperty("record").GetProperty("previous").GetString());
        Assert.AreEqual("Brightline Creative Agency LLC", third.GetProperty("record").GetProperty("facts").GetProperty("counterpartyName").GetString());
        var changes = third.GetProperty("record").GetProperty("changes").EnumerateArray().ToList();
        Assert.Contains(c => c.GetProperty("rule").GetString() == "usage-scope.open-purpose" && c.GetProperty("status").GetString() == "accepted" && c.GetProperty("clause").GetString() == "3", changes);
        Assert.Contains(c => c.GetProperty("status").GetString() == "rejected", changes);
        Assert.Contains("ai-training-carve-out", Keys(diff.GetProperty("added")));
        Assert.AreEqual(0, diff.GetProperty("removed").GetArrayLength());
        Assert.AreEqual(0, verified.Code, verified.Output);
        Assert.Contains("ok: The document contains clause 3.2 (No AI Training), which excludes AI training", verified.Output);
        Assert.Contains("Verified.", verified.Output);

        await jane.AlterOneByteAsync(id, 2);
        var report = await jane.JsonAsync(HttpMethod.Get, $"/api/v1/contracts/{id}/verify");
        await File.WriteAllBytesAsync(proof, await jane.BytesAsync($"/api/v1/contracts/{id}/export?format=json"), Cancel);
        var caught = await Cli.RunAsync(Cancel, "verify", proof, signed);

        Assert.IsFalse(report.GetProperty("intact").GetBoolean());
        var problem = Assert.ContainsSingle(report.GetProperty("problems").EnumerateArray());
        Assert.AreEqual("version 2", problem.GetProperty("entry").GetString());
        Assert.StartsWith("the record does not match its recorded hash", problem.GetProperty("message").GetString()!);
        Assert.AreEqual(1, caught.Code, caught.Output);
        Assert.Contains("verification failed: version 2: the record does not match its recorded hash", caught.Output);
    }

    [TestMethod]
    [DataRow(VersionsClient.Sqlite)]
    [DataRow(VersionsClient.Postgres)]
    public async Task EveryEndpoint_AnotherUsersContract_404(string provider)
    {
        using var jane = VersionsClient.NewUser(provider, Cancel);
        using var mallory = new VersionsClient(jane.Host, TestTokens.Create(objectId: Guid.NewGuid().ToString()), Cancel);
        var id = await jane.CreateContractAsync(new { storeText = true });
        await jane.SaveAsync(id, Negotiation.Draft);
        await jane.SaveAsync(id, Negotiation.Signed);
        var own = await mallory.CreateContractAsync();
        await mallory.SaveAsync(own, Negotiation.Draft);

        (HttpMethod Method, string Path, object? Body)[] calls =
        [
            (HttpMethod.Get, $"/api/v1/contracts/{id}", null),
            (HttpMethod.Patch, $"/api/v1/contracts/{id}", new { title = "Mine now", storeText = false }),
            (HttpMethod.Get, $"/api/v1/contracts/{id}/versions", null),
            (HttpMethod.Post, $"/api/v1/contracts/{id}/versions", new { paragraphs = new[] { new { id = "p0", text = "Overwrite." } } }),
            (HttpMethod.Get, $"/api/v1/contracts/{id}/versions/1", null),
            (HttpMethod.Get, $"/api/v1/contracts/{id}/versions/2", null),
            (HttpMethod.Get, $"/api/v1/contracts/{id}/versions/1/text", null),
            (HttpMethod.Post, $"/api/v1/contracts/{id}/versions/2/sign", new { signedOn = "2026-03-05" }),
            (HttpMethod.Get, $"/api/v1/contracts/{id}/diff", null),
            (HttpMethod.Get, $"/api/v1/contracts/{id}/diff?from=1&to=2", null),
            (HttpMethod.Get, $"/api/v1/contracts/{id}/verify", null),
            (HttpMethod.Get, $"/api/v1/contracts/{id}/export", null),
            (HttpMethod.Get, $"/api/v1/contracts/{id}/export?format=docx", null),
            (HttpMethod.Post, $"/api/v1/contracts/{id}/letters/cover", new { version = 1 }),
            (HttpMethod.Post, $"/api/v1/contracts/{id}/letters/audit", new { format = "docx" }),
            (HttpMethod.Post, $"/api/v1/contracts/{id}/letters/breach", new { }),
            (HttpMethod.Delete, $"/api/v1/contracts/{id}", null),
            (HttpMethod.Get, $"/api/v1/contracts/{Guid.NewGuid()}", null),
            (HttpMethod.Get, "/api/v1/contracts/not-a-guid/versions", null),
        ];
        foreach (var (method, path, body) in calls)
        {
            using var response = await mallory.SendAsync(method, path, body);
            var problem = await Http.ProblemAsync(response, HttpStatusCode.NotFound, Cancel);
            Assert.DoesNotContain("Brightline", problem.GetRawText(), $"{method} {path}");
        }

        var mine = await mallory.JsonAsync(HttpMethod.Get, "/api/v1/contracts");
        Assert.AreEqual(own, Assert.ContainsSingle(mine.EnumerateArray()).GetProperty("id").GetString());
        var janes = await jane.JsonAsync(HttpMethod.Get, $"/api/v1/contracts/{id}");
        Assert.AreEqual(2, janes.GetProperty("versions").GetInt32());
        Assert.AreNotEqual("Mine now", janes.GetProperty("title").GetString());
        Assert.IsTrue(janes.GetProperty("storeText").GetBoolean());
        Assert.AreEqual(JsonValueKind.Null, janes.GetProperty("signature").ValueKind, "Mallory's sign did not reach Jane's record");
        Assert.IsTrue((await jane.JsonAsync(HttpMethod.Get, $"/api/v1/contracts/{id}/verify")).GetProperty("intact").GetBoolean());
        Assert.AreEqual(Negotiation.Draft.Length, (await jane.JsonAsync(HttpMethod.Get, $"/api/v1/contracts/{id}/versions/1/text")).GetProperty("paragraphs").GetArrayLength());
    }

    [TestMethod]
    [DataRow(VersionsClient.Sqlite)]
    [DataRow(VersionsClient.Postgres)]
    public async Task Delete_Contract_RemovesVersionsAndKeptText(string provider)
    {
        using var jane = VersionsClient.NewUser(provider, Cancel);
        var id = await jane.CreateContractAsync(new { storeText = true });
        await jane.SaveAsync(id, Negotiation.Draft);
        await jane.SaveAsync(id, Negotiation.Signed);
        Assert.AreEqual((2, 2), await jane.CountRowsAsync(id));

        using var deleted = await jane.SendAsync(HttpMethod.Delete, $"/api/v1/contracts/{id}");
        using var after = await jane.SendAsync(HttpMethod.Get, $"/api/v1/contracts/{id}/versions");

        Assert.AreEqual(HttpStatusCode.NoContent, deleted.StatusCode);
        await Http.ProblemAsync(after, HttpStatusCode.NotFound, Cancel);
        Assert.AreEqual((0, 0), await jane.CountRowsAsync(id));
    }

    [TestMethod]
    public async Task Save_WithoutToken_401()
    {
        using var anonymous = new VersionsClient(WordRedlineApiFactory.Entra, null, Cancel);

        using var list = await anonymous.SendAsync(HttpMethod.Get, "/api/v1/contracts");
        using var save = await anonymous.SendAsync(HttpMethod.Post, $"/api/v1/contracts/{Guid.NewGuid()}/versions", new { paragraphs = new[] { new { id = "p0", text = "x" } } });

        await Http.ProblemAsync(list, HttpStatusCode.Unauthorized, Cancel);
        await Http.ProblemAsync(save, HttpStatusCode.Unauthorized, Cancel);
    }

    [TestMethod]
    public async Task Save_BadBody_FieldErrorsWithTheNamesSent()
    {
        using var jane = VersionsClient.NewUser(VersionsClient.Sqlite, Cancel);
        var id = await jane.CreateContractAsync();

        using var response = await jane.SendAsync(HttpMethod.Post, $"/api/v1/contracts/{id}/versions", new
        {
            paragraphs = new[] { new { id = "p0", text = "A." }, new { id = "p0", text = "B." } },
            source = "email",
            decisions = new[] { new { ruleId = "usage-scope.open-purpose", paragraphId = "p0", status = "maybe" } },
        });
        var errors = await Http.ValidationErrorsAsync(response, Cancel);

        Assert.AreEqual("decisions[0].status,paragraphs[1].id,source", string.Join(",", errors.Keys.Order(StringComparer.Ordinal)));
    }

    [TestMethod]
    public async Task Sign_Twice_409AndRecordClosed()
    {
        using var jane = VersionsClient.NewUser(VersionsClient.Sqlite, Cancel);
        var id = await jane.CreateContractAsync();
        await jane.SaveAsync(id, Negotiation.Signed);
        await jane.JsonAsync(HttpMethod.Post, $"/api/v1/contracts/{id}/versions/1/sign", new { signedOn = "2026-03-05" });

        using var again = await jane.SendAsync(HttpMethod.Post, $"/api/v1/contracts/{id}/versions/1/sign", new { });
        using var save = await jane.SendAsync(HttpMethod.Post, $"/api/v1/contracts/{id}/versions", new { paragraphs = new[] { new { id = "p0", text = "x" } } });
        using var badDate = await jane.SendAsync(HttpMethod.Post, $"/api/v1/contracts/{id}/versions/1/sign", new { signedOn = "5 March" });

        Assert.Contains("marked as signed", (await Http.ProblemAsync(again, HttpStatusCode.Conflict, Cancel)).GetProperty("detail").GetString()!);
        await Http.ProblemAsync(save, HttpStatusCode.Conflict, Cancel);
        Assert.IsTrue((await Http.ValidationErrorsAsync(badDate, Cancel)).ContainsKey("signedOn"));
    }

    [TestMethod]
    public async Task Export_Docx_AWordDocumentWithTheCarveOutAndItsHash()
    {
        using var jane = VersionsClient.NewUser(VersionsClient.Sqlite, Cancel);
        var id = await jane.CreateContractAsync();
        await jane.SaveAsync(id, Negotiation.Draft);
        var signed = await jane.SaveAsync(id, Negotiation.Signed);

        using var response = await jane.SendAsync(HttpMethod.Get, $"/api/v1/contracts/{id}/export?format=docx");
        using var bad = await jane.SendAsync(HttpMethod.Get, $"/api/v1/contracts/{id}/export?format=pdf");

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.AreEqual("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType?.MediaType);
        Assert.AreEqual("design-services-agreement-proof.docx", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        using var document = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync(Cancel)), false);
        var text = document.MainDocumentPart!.Document!.Body!.InnerText;
        var carveOut = signed.GetProperty("record").GetProperty("clauses").EnumerateArray()
            .Single(c => c.GetProperty("roles").EnumerateArray().Any(r => r.GetString() == "carve-out"));
        Assert.Contains(carveOut.GetProperty("text").GetString()!, text);
        Assert.Contains(carveOut.GetProperty("sha256").GetString()!, text);
        Assert.Contains(signed.GetProperty("hash").GetString()!, text);
        Assert.IsTrue((await Http.ValidationErrorsAsync(bad, Cancel)).ContainsKey("format"));
    }

    [TestMethod]
    public async Task Save_LocalMode_RecordedAsTheLocalUserWithoutTextInTheLogs()
    {
        var host = WordRedlineApiFactory.Traced;
        using var local = new VersionsClient(host, null, Cancel);
        var id = await local.CreateContractAsync();
        var secret = $"Schedule Q{Guid.NewGuid():N} applies to the fees.";

        var saved = await local.SaveAsync(id, [.. Negotiation.Draft, secret]);

        var author = saved.GetProperty("record").GetProperty("recordedBy");
        Assert.AreEqual("local", author.GetProperty("tenantId").GetString());
        Assert.AreEqual(Environment.UserName, author.GetProperty("objectId").GetString());
        Assert.DoesNotContain(line => line.Contains(secret[..20], StringComparison.Ordinal), host.Logs.Lines);
    }

    [TestMethod]
    public async Task Start_UnknownProvider_StopsNamingTheSetting()
    {
        var (exitCode, output) = await ApiProcess.StartAsync(["--WordRedline:Versions:Provider=oracle"], Cancel);

        Assert.IsNotNull(exitCode, output);
        Assert.AreNotEqual(0, exitCode);
        Assert.Contains("WordRedline:Versions:Provider must be \"sqlite\" or \"postgres\", not \"oracle\".", output);
    }

    [TestMethod]
    public async Task Start_PostgresWithoutConnectionString_StopsNamingTheSetting()
    {
        var (exitCode, output) = await ApiProcess.StartAsync(["--WordRedline:Versions:Provider=postgres", "--WordRedline:Versions:ConnectionString="], Cancel);

        Assert.IsNotNull(exitCode, output);
        Assert.Contains("WordRedline:Versions:ConnectionString: PostgreSQL needs a connection string", output);
    }

    [TestMethod]
    [DataRow(VersionsClient.Sqlite)]
    [DataRow(VersionsClient.Postgres)]
    public async Task Letters_FromTheSignedVersion_TheContractsNamesClausesAndDates(string provider)
    {
        using var jane = VersionsClient.NewUser(provider, Cancel);
        var id = await jane.CreateContractAsync();
        await jane.SaveAsync(id, Negotiation.Draft);
        await jane.SaveAsync(id, Negotiation.Signed, "accept-all", Negotiation.Accepted);
        await jane.JsonAsync(HttpMethod.Post, $"/api/v1/contracts/{id}/versions/2/sign", new { signedOn = "2026-03-05" });

        var cover = await jane.JsonAsync(HttpMethod.Post, $"/api/v1/contracts/{id}/letters/cover", new { version = 1, date = "2026-11-16" });
        var audit = await jane.JsonAsync(HttpMethod.Post, $"/api/v1/contracts/{id}/letters/audit", new { date = "2026-11-16", respondWithinDays = 21 });
        var breach = await jane.JsonAsync(HttpMethod.Post, $"/api/v1/contracts/{id}/letters/breach", new { date = "2026-11-16", recipient = "Ms Priya Patel" });
        using var docx = await jane.SendAsync(HttpMethod.Post, $"/api/v1/contracts/{id}/letters/breach", new { format = "docx" });
        using var unknown = await jane.SendAsync(HttpMethod.Post, $"/api/v1/contracts/{id}/letters/thanks", new { });

        Assert.AreEqual("Design Services Agreement: proposed changes", cover.GetProperty("subject").GetString());
        Assert.Contains("\n  Clause 3 (License): ", cover.GetProperty("text").GetString()!);
        Assert.Contains("dated 2 March 2026, signed on 5 March 2026 (the \u201CAgreement\u201D)", audit.GetProperty("text").GetString()!);
        Assert.Contains("by 7 December 2026 (21 days from the date of this letter)", audit.GetProperty("text").GetString()!);
        Assert.AreEqual("Notice of breach of clause 3.2 (No AI Training) of the Design Services Agreement", breach.GetProperty("subject").GetString());
        Assert.Contains("Dear Ms Priya Patel,", breach.GetProperty("text").GetString()!);
        Assert.AreEqual(HttpStatusCode.OK, docx.StatusCode);
        Assert.AreEqual("design-services-agreement-notice-of-breach.docx", docx.Content.Headers.ContentDisposition?.FileNameStar ?? docx.Content.Headers.ContentDisposition?.FileName);
        using var document = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync(Cancel)), false);
        Assert.Contains("Clause 3.2 (No AI Training) of the Agreement provides:", document.MainDocumentPart!.Document!.Body!.InnerText);
        await Http.ProblemAsync(unknown, HttpStatusCode.NotFound, Cancel);
    }

    private static List<string> Keys(JsonElement protections) =>
        protections.EnumerateArray().Select(p => p.GetProperty("key").GetString()!).ToList();
}

using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using WordRedline.Api.Tests.Fixtures;
using WordRedline.Core;
using WordRedline.Docx;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace WordRedline.Api.Tests;

/// <summary>The .docx endpoints over real HTTP with real Word files: the redlined file opens in the Open XML SDK and
/// reads back with the protective wording; every hostile or wrong upload is a 4xx problem, never a 500.</summary>
[TestClass]
public sealed class RedlineApiTests(TestContext testContext)
{
    private const string Redline = "/api/v1/redline";
    private const string AnalyzeDocx = "/api/v1/analyze/docx";
    private const string RiskyWording = "for any and all purposes";

    private CancellationToken Cancel => testContext.CancellationToken;

    private static ClauseEngine Engine => WordRedlineApiFactory.Local.Services.GetRequiredService<ClauseEngine>();

    [TestMethod]
    public async Task Redline_Contract_ReturnsTrackedChangesWithComments()
    {
        using var response = await PostAsync(Redline, DocxFiles.Form(DocxFiles.Contract(), "Design Agreement v2.docx"));

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, await response.Content.ReadAsStringAsync(Cancel));
        Assert.AreEqual(DocxFiles.DocxContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.AreEqual("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.AreEqual("Design Agreement v2.redlined.docx", response.Content.Headers.ContentDisposition?.FileNameStar);
        var output = await response.Content.ReadAsByteArrayAsync(Cancel);
        var (insertions, deletions, comments, authors) = Revisions(output);
        var applied = HeaderInt(response, "X-WordRedline-Applied");
        Assert.IsGreaterThan(0, applied);
        Assert.AreEqual(0, HeaderInt(response, "X-WordRedline-Skipped"));
        Assert.IsGreaterThan(0, HeaderInt(response, "X-WordRedline-Findings"));
        Assert.IsTrue(int.TryParse(Header(response, "X-WordRedline-Score"), CultureInfo.InvariantCulture, out _));
        Assert.IsGreaterThan(0, insertions);
        Assert.IsGreaterThan(0, deletions);
        Assert.AreEqual(applied, comments);
        Assert.AreSequenceEqual(["WordRedline"], authors);
    }

    [TestMethod]
    public async Task Redline_Contract_AcceptedTextHasTheProtectiveWording()
    {
        var input = DocxFiles.Contract();
        var analysis = Engine.Analyze(DocxReader.Read(new MemoryStream(input)).ToAnalyzeRequest());
        var grant = analysis.Findings.Where(f => f.Quote.Contains(RiskyWording, StringComparison.Ordinal) && f.Edits.Count > 0).ToList();
        Assert.IsNotEmpty(grant, "the engine should propose an edit for the open-ended grant");

        using var response = await PostAsync(Redline, DocxFiles.Form(input));

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        var accepted = string.Join('\n', DocxReader.Read(new MemoryStream(await response.Content.ReadAsByteArrayAsync(Cancel))).Paragraphs.Select(p => p.Text));
        Assert.DoesNotContain(RiskyWording, accepted);
        foreach (var edit in grant.SelectMany(f => f.Edits).Where(e => e.Replacement.Length > 0))
        {
            Assert.Contains(edit.Replacement, accepted);
        }
    }

    [TestMethod]
    public async Task Redline_AuthorAndNoComments_UsesTheAuthorAndAddsNoComments()
    {
        using var response = await PostAsync(Redline, DocxFiles.Form(DocxFiles.Contract(), fields: [("author", "Jordan Ellis"), ("comments", "false")]));

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        var (insertions, _, comments, authors) = Revisions(await response.Content.ReadAsByteArrayAsync(Cancel));
        Assert.IsGreaterThan(0, insertions);
        Assert.AreEqual(0, comments);
        Assert.AreSequenceEqual(["Jordan Ellis"], authors);
    }

    [TestMethod]
    public async Task Redline_Addendum_AppendsTheAddendumHeading()
    {
        var input = DocxFiles.Contract();
        var party = Engine.Analyze(DocxReader.Read(new MemoryStream(input)).ToAnalyzeRequest()).Party;
        var heading = Engine.RenderAddendum(new AddendumTerms(party.Name, party.Counterparty, party.WorkTerm)).Paragraphs[0].Text;

        using var withAddendum = await PostAsync(Redline, DocxFiles.Form(input, fields: ("addendum", "true")));
        using var without = await PostAsync(Redline, DocxFiles.Form(input));

        Assert.Contains(heading, AcceptedParagraphs(await withAddendum.Content.ReadAsByteArrayAsync(Cancel)));
        Assert.DoesNotContain(heading, AcceptedParagraphs(await without.Content.ReadAsByteArrayAsync(Cancel)));
    }

    [TestMethod]
    public async Task AnalyzeDocx_Contract_IsTheAnalyzeAnswer()
    {
        var input = DocxFiles.Contract();
        var expected = Engine.Analyze(DocxReader.Read(new MemoryStream(input)).ToAnalyzeRequest(party: "Contractor"));

        using var response = await PostAsync(AnalyzeDocx, DocxFiles.Form(input, fields: ("party", "Contractor")));

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.AreEqual("application/json", response.Content.Headers.ContentType?.MediaType);
        var actual = await response.Content.ReadFromJsonAsync(WordRedlineJson.Default.AnalyzeResponse, Cancel);
        Assert.IsNotNull(actual);
        Assert.AreEqual(
            JsonSerializer.Serialize(expected, WordRedlineJson.Default.AnalyzeResponse),
            JsonSerializer.Serialize(actual, WordRedlineJson.Default.AnalyzeResponse));
        Assert.Contains(f => f.Category == Category.UsageScope, actual.Findings);
        Assert.IsTrue(actual.Findings.All(f => f.ParagraphId.StartsWith("body/p[", StringComparison.Ordinal)));
    }

    [TestMethod]
    [DataRow(Redline)]
    [DataRow(AnalyzeDocx)]
    public async Task Post_UploadOverRequestLimitButUnderUploadLimit_Is200(string path)
    {
        await using var host = WordRedlineApiFactory.With(("WordRedline:Limits:MaxRequestBytes", "8192"));
        using var client = host.CreateClient();

        using var response = await client.PostAsync(path, DocxFiles.Form(DocxFiles.Padded(64 * 1024)), Cancel);

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [TestMethod]
    [DataRow(Redline)]
    [DataRow(AnalyzeDocx)]
    public async Task Post_UploadOverTheUploadLimit_Is413(string path)
    {
        await using var host = WordRedlineApiFactory.With(("WordRedline:Limits:MaxUploadBytes", "32768"));
        using var client = host.CreateClient();

        using var response = await client.PostAsync(path, DocxFiles.Form(DocxFiles.Padded(64 * 1024)), Cancel);

        var problem = await Http.ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, Cancel);
        Assert.AreEqual("The request body is larger than the limit of 32768 bytes (WordRedline:Limits:MaxUploadBytes).",
            problem.GetProperty("detail").GetString());
    }

    /// <summary>Without a Content-Length the limit is enforced while the form is read, still without buffering it all.</summary>
    [TestMethod]
    public async Task Redline_ChunkedUploadOverTheUploadLimit_Is413()
    {
        await using var host = WordRedlineApiFactory.With(("WordRedline:Limits:MaxUploadBytes", "32768"));
        using var client = host.CreateClient();
        using var response = await PostChunkedUploadAsync(client);

        await Http.ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, Cancel);
    }

    /// <summary>On real Kestrel, whose own body cap is MaxRequestBytes: a chunked upload above it but within
    /// MaxUploadBytes gets through, so the upload endpoints really raise the cap.</summary>
    [TestMethod]
    public async Task Kestrel_ChunkedUploadOverRequestLimitButUnderUploadLimit_Is200()
    {
        await using var host = WordRedlineApiFactory.With(
            ("Kestrel:Endpoints:Https:Url", "http://127.0.0.1:0"),
            ("WordRedline:Limits:MaxRequestBytes", "8192"));
        host.UseKestrel();
        host.StartServer();
        using var client = new HttpClient { BaseAddress = host.ClientOptions.BaseAddress };
        using var response = await PostChunkedUploadAsync(client);

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [TestMethod]
    [DataRow("not-a-zip", HttpStatusCode.UnsupportedMediaType)]
    [DataRow("macro-enabled", HttpStatusCode.UnsupportedMediaType)]
    [DataRow("template", HttpStatusCode.UnsupportedMediaType)]
    [DataRow("encrypted", HttpStatusCode.UnsupportedMediaType)]
    [DataRow("legacy-doc", HttpStatusCode.UnsupportedMediaType)]
    [DataRow("missing-main-part", HttpStatusCode.BadRequest)]
    [DataRow("dtd-forbidden", HttpStatusCode.BadRequest)]
    [DataRow("zip-bomb", HttpStatusCode.BadRequest)]
    public async Task Post_HostileOrWrongFile_IsProblemWithItsCode(string code, HttpStatusCode status)
    {
        var file = Hostile(code);
        foreach (var path in new[] { Redline, AnalyzeDocx })
        {
            using var response = await PostAsync(path, DocxFiles.Form(file));

            var problem = await Http.ProblemAsync(response, status, Cancel);
            Assert.AreEqual(code, problem.GetProperty("code").GetString(), path);
            Assert.IsFalse(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        }
    }

    [TestMethod]
    [DataRow(DocxRejection.TooLarge, 413)]
    [DataRow(DocxRejection.NotZip, 415)]
    [DataRow(DocxRejection.Encrypted, 415)]
    [DataRow(DocxRejection.LegacyDoc, 415)]
    [DataRow(DocxRejection.MacroEnabled, 415)]
    [DataRow(DocxRejection.Template, 415)]
    [DataRow(DocxRejection.NotWordDocument, 415)]
    [DataRow(DocxRejection.ZipBomb, 400)]
    [DataRow(DocxRejection.TooManyEntries, 400)]
    [DataRow(DocxRejection.MissingMainPart, 400)]
    [DataRow(DocxRejection.DtdForbidden, 400)]
    [DataRow(DocxRejection.Malformed, 400)]
    [DataRow(DocxRejection.TooManyParagraphs, 400)]
    public void StatusFor_EveryRejection_IsItsClientError(DocxRejection reason, int status) =>
        Assert.AreEqual(status, Api.Redline.RedlineApi.StatusFor(reason));

    [TestMethod]
    public async Task Redline_MoreParagraphsThanTheLimit_Is400()
    {
        await using var host = WordRedlineApiFactory.With(("WordRedline:Limits:MaxParagraphs", "3"));
        using var client = host.CreateClient();

        using var response = await client.PostAsync(Redline, DocxFiles.Form(DocxFiles.Contract()), Cancel);

        var problem = await Http.ProblemAsync(response, HttpStatusCode.BadRequest, Cancel);
        Assert.AreEqual("too-many-paragraphs", problem.GetProperty("code").GetString());
    }

    [TestMethod]
    [DataRow(Redline)]
    [DataRow(AnalyzeDocx)]
    public async Task Post_NoFile_Is400NamingFile(string path)
    {
        using var response = await PostAsync(path, DocxFiles.Form(null, fields: ("party", "Contractor")));

        var errors = await Http.ValidationErrorsAsync(response, Cancel);
        Assert.AreSequenceEqual(["file"], errors.Keys.ToArray());
        Assert.AreSequenceEqual(["Attach the .docx in the form field 'file'."], errors["file"]);
    }

    [TestMethod]
    public async Task Redline_EmptyFile_Is400()
    {
        using var response = await PostAsync(Redline, DocxFiles.Form([]));

        var errors = await Http.ValidationErrorsAsync(response, Cancel);
        Assert.AreSequenceEqual(["The file is empty."], errors["file"]);
    }

    [TestMethod]
    public async Task Redline_TwoFiles_Is400()
    {
        using var form = DocxFiles.Form(DocxFiles.Contract());
        form.Add(new ByteArrayContent(DocxFiles.Contract()), "file", "second.docx");

        using var response = await PostAsync(Redline, form);

        var errors = await Http.ValidationErrorsAsync(response, Cancel);
        Assert.AreSequenceEqual(["Attach one file; the form has 2."], errors["file"]);
    }

    [TestMethod]
    [DataRow("author", 101, "author")]
    [DataRow("party", 201, "party")]
    public async Task Redline_FieldTooLong_Is400(string field, int length, string key)
    {
        using var response = await PostAsync(Redline, DocxFiles.Form(DocxFiles.Contract(), fields: (field, new string('a', length))));

        var errors = await Http.ValidationErrorsAsync(response, Cancel);
        Assert.AreSequenceEqual([key], errors.Keys.ToArray());
    }

    [TestMethod]
    public async Task Redline_AuthorAtTheLimit_Is200()
    {
        using var response = await PostAsync(Redline, DocxFiles.Form(DocxFiles.Contract(), fields: ("author", new string('a', 100))));

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [TestMethod]
    public async Task Redline_BadFields_Are400WithEachField()
    {
        using var response = await PostAsync(Redline, DocxFiles.Form(DocxFiles.Contract(), fields:
            [("comments", "maybe"), ("addendum", "yes"), ("author", "Jordan\u0007Ellis"), ("playbook", "no-such-playbook")]));

        var errors = await Http.ValidationErrorsAsync(response, Cancel);
        Assert.AreSequenceEqual(["addendum", "author", "comments", "playbook"], errors.Keys.Order(StringComparer.Ordinal).ToArray());
        Assert.AreSequenceEqual(["Send true or false."], errors["comments"]);
        Assert.StartsWith("Unknown playbook 'no-such-playbook'.", errors["playbook"][0]);
    }

    [TestMethod]
    public async Task AnalyzeDocx_UnknownPlaybook_Is400()
    {
        using var response = await PostAsync(AnalyzeDocx, DocxFiles.Form(DocxFiles.Contract(), fields: ("playbook", "no-such-playbook")));

        var errors = await Http.ValidationErrorsAsync(response, Cancel);
        Assert.AreSequenceEqual(["playbook"], errors.Keys.ToArray());
    }

    [TestMethod]
    [DataRow(Redline, "application/json")]
    [DataRow(Redline, "application/x-www-form-urlencoded")]
    [DataRow(AnalyzeDocx, DocxFiles.DocxContentType)]
    public async Task Post_NotMultipart_Is415(string path, string contentType)
    {
        using var content = new ByteArrayContent(DocxFiles.Contract());
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);

        using var response = await PostAsync(path, content);

        var problem = await Http.ProblemAsync(response, HttpStatusCode.UnsupportedMediaType, Cancel);
        Assert.AreEqual("Send the .docx as multipart/form-data, the file in the field 'file'.", problem.GetProperty("detail").GetString());
    }

    [TestMethod]
    [DataRow("multipart/form-data", "--x\r\nContent-Disposition: form-data; name=\"file\"")]
    [DataRow("multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.docx\"\r\n\r\nPK")]
    [DataRow("multipart/form-data; boundary=x", "not multipart at all")]
    public async Task Post_MalformedMultipart_Is400Problem(string contentType, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);

        using var response = await PostAsync(Redline, content);

        await Http.ProblemAsync(response, HttpStatusCode.BadRequest, Cancel);
    }

    [TestMethod]
    [DataRow(Redline)]
    [DataRow(AnalyzeDocx)]
    public async Task Post_EntraOnWithoutToken_Is401(string path)
    {
        using var client = WordRedlineApiFactory.Entra.CreateClient();

        using var response = await client.PostAsync(path, DocxFiles.Form(DocxFiles.Contract()), Cancel);

        await Http.ProblemAsync(response, HttpStatusCode.Unauthorized, Cancel);
    }

    [TestMethod]
    [DataRow(Redline)]
    [DataRow(AnalyzeDocx)]
    public async Task Post_EntraOnWithToken_Is200(string path)
    {
        using var client = WordRedlineApiFactory.Entra.CreateClient();

        using var response = await client.SendAsync(Http.Post(path, DocxFiles.Form(DocxFiles.Contract()), TestTokens.Create()), Cancel);

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [TestMethod]
    public async Task Post_EntraOnMissingScope_Is403()
    {
        using var client = WordRedlineApiFactory.Entra.CreateClient();

        using var response = await client.SendAsync(Http.Post(Redline, DocxFiles.Form(DocxFiles.Contract()), TestTokens.Create(scope: "other")), Cancel);

        Assert.AreEqual(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [TestMethod]
    public async Task Logs_UploadedDocument_NeverContainItsText()
    {
        const string CanaryCore = "5d1e8b7c";
        const string Canary = $"CANARY-{CanaryCore}-UPLOADED-CLAUSE";
        await using var host = WordRedlineApiFactory.With(
            ("Logging:LogLevel:Default", "Trace"),
            ("Logging:LogLevel:Microsoft", "Trace"),
            ("Logging:LogLevel:Microsoft.AspNetCore", "Trace"));
        using var client = host.CreateClient();
        var document = DocxFiles.Document([.. Contracts.DesignAgreement, $"8. Confidential. {Canary} shall remain secret."]);

        using var redlined = await client.PostAsync(Redline,
            DocxFiles.Form(document, $"{Canary}.docx", ("author", Canary), ("addendum", "true")), Cancel);
        using var analyzed = await client.PostAsync(AnalyzeDocx, DocxFiles.Form(document, $"{Canary}.docx", ("party", "Contractor")), Cancel);
        using var invalid = await client.PostAsync(Redline,
            DocxFiles.Form(document, $"{Canary}.docx", ("playbook", Canary), ("comments", Canary)), Cancel);
        using var rejected = await client.PostAsync(Redline, DocxFiles.Form(Encoding.UTF8.GetBytes(Canary), $"{Canary}.docx"), Cancel);

        Assert.AreSequenceEqual(
            [HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.UnsupportedMediaType],
            [redlined.StatusCode, analyzed.StatusCode, invalid.StatusCode, rejected.StatusCode]);
        var lines = host.Logs.Lines;
        // The capture sees the structured lines of these requests, so an empty or filtered capture cannot pass.
        Assert.Contains(line => line.Contains("Redlined a ", StringComparison.Ordinal), lines);
        Assert.Contains(line => line.Contains("Refused a .docx upload: not-a-zip (415)", StringComparison.Ordinal), lines);
        Assert.Contains(line => line.Contains($"Analyzed {Contracts.DesignAgreement.Length + 1} paragraphs", StringComparison.Ordinal), lines);
        Assert.Contains(line => line.Contains("HTTP POST /api/v1/redline answered 400", StringComparison.Ordinal), lines);
        Assert.DoesNotContain(line => line.Contains(CanaryCore, StringComparison.OrdinalIgnoreCase), lines,
            string.Join('\n', lines.Where(line => line.Contains(CanaryCore, StringComparison.OrdinalIgnoreCase))));
    }

    [TestMethod]
    [DataRow(Redline, "RedlineForm", "file,party,playbook,author,comments,addendum")]
    [DataRow(AnalyzeDocx, "AnalyzeDocxForm", "file,party,playbook")]
    public async Task Swagger_UploadEndpoint_DocumentsTheMultipartForm(string path, string schema, string fields)
    {
        using var client = WordRedlineApiFactory.Local.CreateClient();
        using var document = JsonDocument.Parse(await client.GetStringAsync("/swagger/v1/swagger.json", Cancel));

        var root = document.RootElement;
        var body = root.GetProperty("paths").GetProperty(path).GetProperty("post").GetProperty("requestBody");
        var reference = body.GetProperty("content").GetProperty("multipart/form-data").GetProperty("schema").GetProperty("$ref").GetString();
        Assert.AreEqual($"#/components/schemas/{schema}", reference);
        var properties = root.GetProperty("components").GetProperty("schemas").GetProperty(schema).GetProperty("properties");
        Assert.AreSequenceEqual(fields.Split(',').Order(StringComparer.Ordinal).ToArray(),
            properties.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray());
        Assert.AreEqual("binary", properties.GetProperty("file").GetProperty("format").GetString());
    }

    [TestMethod]
    public async Task Swagger_Redline_DocumentsTheDocxResponse()
    {
        using var client = WordRedlineApiFactory.Local.CreateClient();
        using var document = JsonDocument.Parse(await client.GetStringAsync("/swagger/v1/swagger.json", Cancel));

        var ok = document.RootElement.GetProperty("paths").GetProperty(Redline).GetProperty("post").GetProperty("responses").GetProperty("200");

        Assert.AreSequenceEqual([DocxFiles.DocxContentType], ok.GetProperty("content").EnumerateObject().Select(c => c.Name).ToArray());
    }

    [TestMethod]
    [DataRow("0", "MaxUploadBytes")]
    [DataRow("600000000", "MaxUploadBytes")]
    public async Task Start_BadUploadLimit_FailsNamingIt(string value, string expected)
    {
        var (exitCode, output) = await ApiProcess.StartAsync([$"--WordRedline:Limits:MaxUploadBytes={value}"], Cancel);

        Assert.AreNotEqual(0, exitCode ?? 0);
        Assert.Contains(expected, output);
    }

    [TestMethod]
    [DataRow("contract.docx", "contract")]
    [DataRow("C:\\Users\\jo\\Agreement.DOCX", "Agreement")]
    [DataRow("../../etc/passwd", "passwd")]
    [DataRow("a\"b\u0001c.docx", "a_b_c")]
    [DataRow("", "document")]
    [DataRow("...", "document")]
    public void BaseName_UploadedName_IsSafe(string fileName, string expected) =>
        Assert.AreEqual(expected, Api.Redline.RedlineApi.BaseName(fileName));

    private static byte[] Hostile(string code) => code switch
    {
        "not-a-zip" => DocxFiles.NotZip(),
        "macro-enabled" => DocxFiles.MacroEnabled(),
        "template" => DocxFiles.Template(),
        "encrypted" => DocxFiles.Ole(encrypted: true),
        "legacy-doc" => DocxFiles.Ole(encrypted: false),
        "missing-main-part" => DocxFiles.MissingMainPart(),
        "dtd-forbidden" => DocxFiles.ExternalEntity(),
        "zip-bomb" => DocxFiles.ZipBomb(),
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, null),
    };

    private async Task<HttpResponseMessage> PostAsync(string path, HttpContent content)
    {
        using var client = WordRedlineApiFactory.Local.CreateClient();
        using (content)
        {
            return await client.PostAsync(path, content, Cancel);
        }
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.Single() : null;

    private static int HeaderInt(HttpResponseMessage response, string name) =>
        int.Parse(Header(response, name) ?? "-1", CultureInfo.InvariantCulture);

    private static List<string> AcceptedParagraphs(byte[] docx) =>
        [.. DocxReader.Read(new MemoryStream(docx)).Paragraphs.Select(p => p.Text)];

    /// <summary>Opens the document with the SDK and counts its revisions and comments, with the revision authors.</summary>
    private static (int Insertions, int Deletions, int Comments, string[] Authors) Revisions(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var main = document.MainDocumentPart!;
        var body = main.Document!.Body!;
        var insertions = body.Descendants<W.InsertedRun>().ToList();
        var deletions = body.Descendants<W.DeletedRun>().ToList();
        var comments = main.WordprocessingCommentsPart?.Comments?.Elements<W.Comment>().Count() ?? 0;
        var authors = insertions.Select(i => i.Author?.Value).Concat(deletions.Select(d => d.Author?.Value)).OfType<string>().Distinct().ToArray();
        return (insertions.Count, deletions.Count, comments, authors);
    }

    // A 64 KB .docx upload sent without a Content-Length, so limits must be enforced while the body streams in.
    private async Task<HttpResponseMessage> PostChunkedUploadAsync(HttpClient client)
    {
        using var form = DocxFiles.Form(DocxFiles.Padded(64 * 1024));
        using var content = new StreamContent(await form.ReadAsStreamAsync(Cancel));
        content.Headers.ContentType = form.Headers.ContentType;
        using var request = new HttpRequestMessage(HttpMethod.Post, Redline) { Content = content };
        request.Headers.TransferEncodingChunked = true;
        return await client.SendAsync(request, Cancel);
    }
}

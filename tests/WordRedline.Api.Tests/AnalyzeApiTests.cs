using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using WordRedline.Core;

namespace WordRedline.Api.Tests;

[TestClass]
public sealed class AnalyzeApiTests(TestContext testContext)
{
    private CancellationToken Cancel => testContext.CancellationToken;

    [TestMethod]
    public async Task Analyze_DesignAgreement_ReturnsExactlyTheEnginesContractJson()
    {
        var request = Contracts.Request(Contracts.DesignAgreement);
        using var client = WordRedlineApiFactory.Local.CreateClient();

        using var response = await client.PostAsync("/api/v1/analyze", Contracts.Json(request), Cancel);

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.AreEqual("application/json", response.Content.Headers.ContentType?.MediaType);
        var engine = WordRedlineApiFactory.Local.Services.GetRequiredService<ClauseEngine>();
        var expected = JsonSerializer.Serialize(engine.Analyze(request), WordRedlineJson.Default.AnalyzeResponse);
        Assert.AreEqual(expected, Normalized(await response.Content.ReadAsStringAsync(Cancel)));
    }

    [TestMethod]
    public async Task Analyze_DesignAgreement_WritesTheContractsCamelCaseNamesAndIds()
    {
        using var client = WordRedlineApiFactory.Local.CreateClient();

        using var response = await client.PostAsync("/api/v1/analyze", Contracts.Json(Contracts.Request(Contracts.DesignAgreement)), Cancel);

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        var root = json.RootElement;
        foreach (var name in new[] { "party", "score", "grade", "findings", "documentFindings", "protections", "playbook" })
        {
            Assert.IsTrue(root.TryGetProperty(name, out _), $"missing '{name}'");
        }

        var categoryIds = Enum.GetValues<Category>().Select(Categories.Id).ToHashSet();
        var severityIds = new HashSet<string> { "high", "medium", "low", "info" };
        foreach (var finding in root.GetProperty("findings").EnumerateArray().Concat(root.GetProperty("documentFindings").EnumerateArray()))
        {
            Assert.Contains(finding.GetProperty("category").GetString()!, categoryIds);
            Assert.Contains(finding.GetProperty("severity").GetString()!, severityIds);
        }
    }

    [TestMethod]
    public async Task Analyze_AnyAndAllPurposesGrant_FindsUsageScopeAndLicenseBreadthWithEdits()
    {
        using var client = WordRedlineApiFactory.Local.CreateClient();
        var grant = Contracts.DesignAgreement[4];

        using var response = await client.PostAsync("/api/v1/analyze", Contracts.Json(Contracts.Request(Contracts.DesignAgreement)), Cancel);

        var body = await response.Content.ReadFromJsonAsync(WordRedlineJson.Default.AnalyzeResponse, Cancel);
        var onGrant = body!.Findings.Where(finding => finding.ParagraphId == "p4").ToList();
        Assert.Contains(Category.UsageScope, onGrant.Select(finding => finding.Category));
        Assert.Contains(Category.LicenseBreadth, onGrant.Select(finding => finding.Category));
        var usage = onGrant.First(finding => finding.Category == Category.UsageScope);
        Assert.IsNotEmpty(usage.Edits);
        Assert.IsTrue(usage.Edits.All(edit => edit.Start >= 0 && edit.Start + edit.Length <= grant.Length));
        Assert.AreEqual(grant.Substring(usage.Start, usage.Length), usage.Quote);
    }

    [TestMethod]
    public async Task Analyze_PartyGiven_AnswersForThatParty()
    {
        using var client = WordRedlineApiFactory.Local.CreateClient();

        using var response = await client.PostAsync("/api/v1/analyze",
            Contracts.Json(Contracts.Request(Contracts.DesignAgreement, party: "Contractor")), Cancel);

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        var party = json.RootElement.GetProperty("party");
        Assert.AreEqual("Contractor", party.GetProperty("name").GetString());
        Assert.IsFalse(party.GetProperty("detected").GetBoolean());
    }

    /// <summary>The same JSON value written one way: ASP.NET Core escapes less than System.Text.Json's default
    /// (an apostrophe stays an apostrophe), which changes the bytes but not the value.</summary>
    private static string Normalized(string json) => JsonSerializer.Serialize(
        JsonSerializer.Deserialize(json, WordRedlineJson.Default.AnalyzeResponse), WordRedlineJson.Default.AnalyzeResponse);

    [TestMethod]
    public async Task Analyze_DefaultPlaybookNamed_Answers200()
    {
        var engine = WordRedlineApiFactory.Local.Services.GetRequiredService<ClauseEngine>();
        using var client = WordRedlineApiFactory.Local.CreateClient();

        using var response = await client.PostAsync("/api/v1/analyze",
            Contracts.Json(Contracts.Request(Contracts.DesignAgreement, playbook: engine.DefaultPlaybook.Id)), Cancel);

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
    }
}

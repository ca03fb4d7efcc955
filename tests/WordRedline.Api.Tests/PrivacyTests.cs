using System.Net;

namespace WordRedline.Api.Tests;

/// <summary>Contract text never reaches the logs, at any level, in any request's path: accepted, rejected by
/// validation, unreadable, or a term sent to the addendum.</summary>
[TestClass]
public sealed class PrivacyTests(TestContext testContext)
{
    // Checked by its middle, so a truncated echo (an error message quoting part of a token) is caught too.
    private const string CanaryCore = "7f3a9c2e";
    private const string Canary = $"CANARY-{CanaryCore}-PRIVATE-CLAUSE";

    private CancellationToken Cancel => testContext.CancellationToken;

    [TestMethod]
    public async Task Logs_EveryKindOfRequest_NeverContainTheText()
    {
        var host = WordRedlineApiFactory.Traced;
        using var client = host.CreateClient();
        var paragraphs = Contracts.DesignAgreement.Append($"8. Confidential. {Canary} shall remain secret.").ToArray();

        using var accepted = await client.PostAsync("/api/v1/analyze", Contracts.Json(Contracts.Request(paragraphs, party: Canary)), Cancel);
        using var invalid = await client.PostAsync("/api/v1/analyze",
            Contracts.RawJson($$"""{"paragraphs":[{"id":"p0","text":"{{Canary}}"},{"id":"p0","text":"{{Canary}}"}],"playbook":"{{Canary}}"}"""), Cancel);
        using var unreadable = await client.PostAsync("/api/v1/analyze", Contracts.RawJson($$"""{"paragraphs":[{"id":"p0","text":"{{Canary}}"}"""), Cancel);
        using var wrongType = await client.PostAsync("/api/v1/analyze", new StringContent(Canary), Cancel);
        using var addendum = await client.PostAsync("/api/v1/addendum", Contracts.RawJson($$"""{"party":"{{Canary}}"}"""), Cancel);

        Assert.AreSequenceEqual(
            [HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.UnsupportedMediaType, HttpStatusCode.OK],
            [accepted.StatusCode, invalid.StatusCode, unreadable.StatusCode, wrongType.StatusCode, addendum.StatusCode]);
        var lines = host.Logs.Lines;
        // The capture works and sees the structured request lines, so an empty or filtered capture cannot pass.
        Assert.Contains(line => line.Contains($"Analyzed {paragraphs.Length} paragraphs", StringComparison.Ordinal), lines);
        Assert.Contains(line => line.Contains("HTTP POST /api/v1/analyze answered 400", StringComparison.Ordinal), lines);
        Assert.Contains(line => line.StartsWith("Trace ", StringComparison.Ordinal) || line.StartsWith("Debug ", StringComparison.Ordinal), lines);
        Assert.DoesNotContain(line => line.Contains(CanaryCore, StringComparison.OrdinalIgnoreCase), lines);
    }
}

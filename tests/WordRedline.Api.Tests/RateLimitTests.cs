using System.Net;

namespace WordRedline.Api.Tests;

/// <summary>The token bucket refills once an hour here, so what a test sees does not depend on timing.</summary>
[TestClass]
public sealed class RateLimitTests(TestContext testContext)
{
    private static readonly (string, string?)[] OneHourBucket =
    [
        ("WordRedline:RateLimit:TokensPerPeriod", "1"),
        ("WordRedline:RateLimit:PeriodSeconds", "3600"),
    ];

    private CancellationToken Cancel => testContext.CancellationToken;

    [TestMethod]
    public async Task Playbook_OverTheBurst_Is429WithRetryAfter()
    {
        await using var host = WordRedlineApiFactory.With([.. OneHourBucket, ("WordRedline:RateLimit:BurstLimit", "2")]);
        using var client = host.CreateClient();

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 3; i++)
        {
            last?.Dispose();
            last = await client.GetAsync("/api/v1/playbook", Cancel);
            statuses.Add(last.StatusCode);
        }

        using (last)
        {
            Assert.AreSequenceEqual([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
            await Http.ProblemAsync(last!, HttpStatusCode.TooManyRequests, Cancel);
            var retryAfter = int.Parse(last!.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
            Assert.IsInRange(1, 3600, retryAfter);
        }
    }

    [TestMethod]
    public async Task Analyze_OneUserOverTheLimit_OtherUserStillServed()
    {
        await using var host = WordRedlineApiFactory.With(WordRedlineApiFactory.EntraSettings, [.. OneHourBucket, ("WordRedline:RateLimit:BurstLimit", "1")]);
        using var client = host.CreateClient();
        var alice = TestTokens.Create(objectId: "a11ce000-0000-4000-8000-000000000001");
        var bob = TestTokens.Create(objectId: "b0b00000-0000-4000-8000-000000000002");

        var aliceFirst = await StatusAsync(client, alice);
        var aliceSecond = await StatusAsync(client, alice);
        var bobFirst = await StatusAsync(client, bob);

        Assert.AreSequenceEqual(
            [HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.OK],
            [aliceFirst, aliceSecond, bobFirst]);
    }

    [TestMethod]
    public async Task Healthz_ManyProbes_AreNeverLimited()
    {
        await using var host = WordRedlineApiFactory.With([.. OneHourBucket, ("WordRedline:RateLimit:BurstLimit", "1")]);
        using var client = host.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await client.GetAsync("/healthz", Cancel);
            statuses.Add(response.StatusCode);
        }

        Assert.AreSequenceEqual(Enumerable.Repeat(HttpStatusCode.OK, 5).ToArray(), statuses);
    }

    [TestMethod]
    public async Task Start_ZeroTokensPerPeriod_Fails()
    {
        var (exitCode, output) = await ApiProcess.StartAsync(["--WordRedline:RateLimit:TokensPerPeriod=0"], Cancel);

        Assert.AreNotEqual(0, exitCode ?? 0);
        Assert.Contains("TokensPerPeriod", output);
    }

    private async Task<HttpStatusCode> StatusAsync(HttpClient client, string token)
    {
        using var request = Http.Post("/api/v1/analyze", Contracts.Json(Contracts.Request(Contracts.DesignAgreement)), token);
        using var response = await client.SendAsync(request, Cancel);
        return response.StatusCode;
    }
}

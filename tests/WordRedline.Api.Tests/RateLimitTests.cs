using System.Globalization;
using System.Net;
using WordRedline.Api.Tests.Fixtures;
using static WordRedline.Api.Tests.WordRedlineApiFactory;

namespace WordRedline.Api.Tests;

/// <summary>Cost-aware limits on <see cref="WordRedlineApiFactory.Limited"/>, whose buckets refill once an hour, so
/// what a test sees does not depend on timing. Each test has its own user or client address, hence its own buckets.</summary>
[TestClass]
public sealed class RateLimitTests(TestContext testContext)
{
    private CancellationToken Cancel => testContext.CancellationToken;

    [TestMethod]
    public async Task Analyze_OverTheBurst_Is429WithRetryAfter()
    {
        using var client = Limited.KestrelClient();
        var token = TestTokens.Create(objectId: NewUser());

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i <= LimitedSettings.AnalyzeBurst; i++)
        {
            last?.Dispose();
            last = await client.SendAsync(AnalyzeRequest(token), Cancel);
            statuses.Add(last.StatusCode);
        }

        using (last)
        {
            Assert.AreSequenceEqual([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
            await Http.ProblemAsync(last!, HttpStatusCode.TooManyRequests, Cancel);
            var retryAfter = int.Parse(last!.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture);
            Assert.IsInRange(1, 3600, retryAfter);
        }
    }

    [TestMethod]
    public async Task Analyze_OneUserOverTheLimit_OtherUserStillServed()
    {
        using var client = Limited.KestrelClient();
        var alice = TestTokens.Create(objectId: NewUser());
        var bob = TestTokens.Create(objectId: NewUser());

        var aliceStatuses = await StatusesAsync(client, alice, LimitedSettings.AnalyzeBurst + 1);
        var bobStatuses = await StatusesAsync(client, bob, 1);

        Assert.AreEqual(HttpStatusCode.TooManyRequests, aliceStatuses[^1]);
        Assert.AreSequenceEqual([HttpStatusCode.OK], bobStatuses);
    }

    /// <summary>Users are told apart by object id within their tenant: the same object id in another tenant is another user.</summary>
    [TestMethod]
    public async Task Analyze_SameObjectIdOtherTenant_HasItsOwnBucket()
    {
        using var client = Limited.KestrelClient();
        var user = NewUser();
        var home = TestTokens.Create(objectId: user);
        var guest = TestTokens.Create(objectId: user, tenantId: "9d4e1c2b-7a6f-4e3d-8c5b-2a1f0e9d8c7b");

        var homeStatuses = await StatusesAsync(client, home, LimitedSettings.AnalyzeBurst + 1);
        var guestStatuses = await StatusesAsync(client, guest, 1);

        Assert.AreEqual(HttpStatusCode.TooManyRequests, homeStatuses[^1]);
        Assert.AreSequenceEqual([HttpStatusCode.OK], guestStatuses);
    }

    /// <summary>Without a signed-in user the bucket is the client's address: a second address is still served.</summary>
    [TestMethod]
    public async Task Config_OneAddressOverTheLimit_OtherAddressStillServed()
    {
        using var first = Limited.KestrelClient(from: "127.0.0.2");
        using var second = Limited.KestrelClient(from: "127.0.0.3");

        var firstStatuses = new List<HttpStatusCode>();
        for (var i = 0; i <= LimitedSettings.AnalyzeBurst; i++)
        {
            using var response = await first.GetAsync("/api/v1/config", Cancel);
            firstStatuses.Add(response.StatusCode);
        }

        using var other = await second.GetAsync("/api/v1/config", Cancel);

        Assert.AreSequenceEqual([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], firstStatuses);
        Assert.AreEqual(HttpStatusCode.OK, other.StatusCode);
    }

    /// <summary>A .docx costs a second of CPU, an analysis milliseconds: a user out of .docx tokens still analyzes.</summary>
    [TestMethod]
    [DoNotParallelize]
    public async Task Docx_OverItsBucket_Is429WhileAnalyzeIsServed()
    {
        using var client = Limited.KestrelClient();
        var token = TestTokens.Create(objectId: NewUser());

        using var first = await client.SendAsync(Http.Post("/api/v1/analyze/docx", DocxFiles.Form(DocxFiles.Contract()), token), Cancel);
        using var second = await client.SendAsync(Http.Post("/api/v1/analyze/docx", DocxFiles.Form(DocxFiles.Contract()), token), Cancel);
        using var analyze = await client.SendAsync(AnalyzeRequest(token), Cancel);

        Assert.AreEqual(HttpStatusCode.OK, first.StatusCode);
        await Http.ProblemAsync(second, HttpStatusCode.TooManyRequests, Cancel);
        Assert.AreEqual(HttpStatusCode.OK, analyze.StatusCode);
    }

    [TestMethod]
    public async Task Healthz_ManyProbes_AreNeverLimited()
    {
        using var client = Limited.KestrelClient(from: "127.0.0.4");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await client.GetAsync("/healthz", Cancel);
            statuses.Add(response.StatusCode);
        }

        Assert.AreSequenceEqual(Enumerable.Repeat(HttpStatusCode.OK, 5).ToArray(), statuses);
    }

    internal static string NewUser() => Guid.NewGuid().ToString();

    private static HttpRequestMessage AnalyzeRequest(string token) =>
        Http.Post("/api/v1/analyze", Contracts.Json(Contracts.Request(Contracts.DesignAgreement)), token);

    private async Task<List<HttpStatusCode>> StatusesAsync(HttpClient client, string token, int count)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
        {
            using var response = await client.SendAsync(AnalyzeRequest(token), Cancel);
            statuses.Add(response.StatusCode);
        }

        return statuses;
    }
}

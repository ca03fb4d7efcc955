using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;
using WordRedline.Api.Tests.Fixtures;

namespace WordRedline.Api.Tests;

/// <summary>Entra mode against a fake identity provider on loopback that the test stops or breaks: signing keys are
/// cached, fetches back off, an outage is one warning (not an error per request), requests that cannot be checked
/// get 503 rather than 401, and /readyz says which. Each test has a host of its own, since each starts with its own
/// provider in its own state.</summary>
[TestClass]
public sealed class IdentityProviderTests(TestContext testContext)
{
    private CancellationToken Cancel => testContext.CancellationToken;

    [TestMethod]
    public async Task Entra_ProviderUp_ValidatesTokensAndIsReady()
    {
        await using var provider = await FakeIdentityProvider.StartAsync(Cancel);
        await using var host = Host(provider);
        using var client = host.CreateClient();

        using var analyzed = await client.SendAsync(Analyze(Token(provider)), Cancel);
        var (status, readiness) = await ReadinessAsync(client);

        Assert.AreEqual(HttpStatusCode.OK, analyzed.StatusCode);
        Assert.AreEqual(HttpStatusCode.OK, status);
        Assert.AreEqual("reachable", readiness.GetProperty("identityProvider").GetString());
    }

    [TestMethod]
    public async Task Entra_ProviderFailingFromTheStart_503BackedOffOneWarningNotReady()
    {
        await using var provider = await FakeIdentityProvider.StartAsync(Cancel);
        provider.Failing = true;
        await using var host = Host(provider);
        using var client = host.CreateClient();
        const int Requests = 12;

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < Requests; i++)
        {
            using var response = await client.SendAsync(Analyze(Token(provider)), Cancel);
            statuses.Add(response.StatusCode);
            if (i == 0)
            {
                var problem = await Http.ProblemAsync(response, HttpStatusCode.ServiceUnavailable, Cancel);
                Assert.Contains("identity provider is unreachable", problem.GetProperty("detail").GetString() ?? "");
                Assert.AreEqual("5", response.Headers.GetValues("Retry-After").Single());
            }
        }

        var (status, readiness) = await ReadinessAsync(client);

        Assert.AreSequenceEqual(Enumerable.Repeat(HttpStatusCode.ServiceUnavailable, Requests).ToArray(), statuses);
        // Back-off (1 s, 2 s, 4 s ...) rather than a fetch per request.
        Assert.IsLessThan(Requests / 2, provider.MetadataRequests);
        Assert.AreEqual(HttpStatusCode.ServiceUnavailable, status);
        Assert.AreEqual("unreachable", readiness.GetProperty("identityProvider").GetString());
        AssertOneWarningNoErrors(host);
    }

    /// <summary>A provider that accepts the connection and never answers (a black hole, a hung proxy) would hold each
    /// request that finds a retry under way for the whole backchannel timeout; once a fetch has failed, requests
    /// without keys are answered at once and the retries run behind them.</summary>
    [TestMethod]
    public async Task Entra_ProviderHangsAfterAFailedFetch_RequestsDoNotWaitForTheRetry()
    {
        await using var provider = await FakeIdentityProvider.StartAsync(Cancel);
        provider.Failing = true;
        await using var host = Host(provider);
        using var client = host.CreateClient();
        await WaitForAsync(client, "unreachable");
        provider.Hanging = true;

        // The back-off (1 s after the failure) lets the next request start a retry, which the provider holds.
        var statuses = new List<HttpStatusCode>();
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        guard.CancelAfter(TimeSpan.FromMinutes(1));
        while (provider.Held == 0)
        {
            using var response = await client.SendAsync(Analyze(Token(provider)), Cancel);
            statuses.Add(response.StatusCode);
            await Task.Delay(50, guard.Token);
        }

        using var duringRetry = await client.SendAsync(Analyze(Token(provider)), Cancel);
        statuses.Add(duringRetry.StatusCode);

        // Had a request waited for the held retry, it would have come back only when the service gave up on it.
        Assert.AreEqual(0, provider.Abandoned);
        Assert.IsTrue(statuses.All(status => status == HttpStatusCode.ServiceUnavailable), string.Join(", ", statuses));
        AssertOneWarningNoErrors(host);
    }

    /// <summary>A provider that hangs from the start holds the first fetch for the whole backchannel timeout (10 s);
    /// the first requests wait for it only briefly and get their 503 while the fetch is still held.</summary>
    [TestMethod]
    public async Task Entra_ProviderHangsFromTheStart_FirstRequestsAnsweredWhileTheFetchIsHeld()
    {
        await using var provider = await FakeIdentityProvider.StartAsync(Cancel);
        provider.Hanging = true;
        await using var host = Host(provider);
        using var client = host.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await client.SendAsync(Analyze(Token(provider)), Cancel);
            statuses.Add(response.StatusCode);
        }

        // Had any request waited for the held fetch, it would have come back only once the service gave up on it.
        Assert.AreEqual(1, provider.Held);
        Assert.AreEqual(0, provider.Abandoned);
        Assert.IsTrue(statuses.All(status => status == HttpStatusCode.ServiceUnavailable), string.Join(", ", statuses));
        var (status, _) = await ReadinessAsync(client);
        Assert.AreEqual(HttpStatusCode.ServiceUnavailable, status);
    }

    [TestMethod]
    public async Task Entra_ProviderStopsAfterKeysCached_TokensStillValidatedDegradedOneWarning()
    {
        await using var provider = await FakeIdentityProvider.StartAsync(Cancel);
        await using var host = Host(provider);
        using var client = host.CreateClient();
        using var before = await client.SendAsync(Analyze(Token(provider)), Cancel);

        await provider.StopAsync();
        // A token signed with a key the service does not know asks for fresh keys; the fetch then fails.
        var unknownKey = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "rotated-key" };
        using var unknown = await client.SendAsync(Analyze(TestTokens.Create(issuer: provider.Issuer, key: unknownKey)), Cancel);
        using var during = await client.SendAsync(Analyze(Token(provider)), Cancel);
        var readiness = await WaitForAsync(client, "degraded");
        using var after = await client.SendAsync(Analyze(Token(provider)), Cancel);

        Assert.AreEqual(HttpStatusCode.OK, before.StatusCode);
        Assert.AreEqual(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.AreEqual(HttpStatusCode.OK, during.StatusCode);
        Assert.AreEqual(HttpStatusCode.OK, after.StatusCode);
        Assert.AreEqual("ready", readiness.GetProperty("status").GetString());
        AssertOneWarningNoErrors(host);
    }

    /// <summary>The challenge names the scheme only: the validator's reason ("The token expired at ...") is logged, not sent.</summary>
    [TestMethod]
    public async Task Analyze_ExpiredToken_GenericChallenge()
    {
        using var client = WordRedlineApiFactory.Entra.CreateClient();

        using var response = await client.SendAsync(Analyze(TestTokens.Create(expires: DateTime.UtcNow.AddHours(-1))), Cancel);

        Assert.AreEqual(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.AreEqual("Bearer", response.Headers.WwwAuthenticate.Single().ToString());
    }

    private static WordRedlineApiFactory Host(FakeIdentityProvider provider) => WordRedlineApiFactory.WithRealKeys("Development",
        ("AzureAd:Instance", provider.Address.ToString()),
        ("AzureAd:TenantId", TestTokens.TenantId),
        ("AzureAd:ClientId", TestTokens.ClientId),
        ("AzureAd:Scopes", "access_as_user"));

    private static string Token(FakeIdentityProvider provider) => TestTokens.Create(issuer: provider.Issuer);

    private static HttpRequestMessage Analyze(string token) =>
        Http.Post("/api/v1/analyze", Contracts.Json(Contracts.Request(Contracts.DesignAgreement)), token);

    private static void AssertOneWarningNoErrors(WordRedlineApiFactory host)
    {
        var lines = host.Logs.Lines;
        Assert.HasCount(1, lines.Where(line => line.StartsWith("Warning ", StringComparison.Ordinal)).ToArray(), string.Join('\n', lines));
        Assert.Contains(line => line.StartsWith("Warning ", StringComparison.Ordinal) && line.Contains("cannot be fetched", StringComparison.Ordinal), lines);
        Assert.DoesNotContain(line => line.StartsWith("Error ", StringComparison.Ordinal) || line.StartsWith("Critical ", StringComparison.Ordinal), lines,
            string.Join('\n', lines.Where(line => line.StartsWith("Error ", StringComparison.Ordinal))));
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> ReadinessAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/readyz", Cancel);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        return (response.StatusCode, body.RootElement.Clone());
    }

    /// <summary>Waits for the background refresh to report (a hang guard, not a timing assertion).</summary>
    private async Task<JsonElement> WaitForAsync(HttpClient client, string identityProvider)
    {
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        guard.CancelAfter(TimeSpan.FromMinutes(1));
        while (true)
        {
            var (_, readiness) = await ReadinessAsync(client);
            if (readiness.GetProperty("identityProvider").GetString() == identityProvider)
            {
                return readiness;
            }

            await Task.Delay(20, guard.Token);
        }
    }
}

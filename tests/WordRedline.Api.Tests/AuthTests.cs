using System.Net;

namespace WordRedline.Api.Tests;

/// <summary>Entra ID mode with locally minted RS256 tokens: the scope policy guards every feature group; health and
/// config stay anonymous.</summary>
[TestClass]
public sealed class AuthTests(TestContext testContext)
{
    private CancellationToken Cancel => testContext.CancellationToken;

    [TestMethod]
    public async Task Analyze_ValidToken_Is200()
    {
        using var response = await AnalyzeAsync(TestTokens.Create());

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [TestMethod]
    [DataRow("/api/v1/playbook")]
    [DataRow("/healthz")]
    [DataRow("/readyz")]
    [DataRow("/api/v1/config")]
    public async Task Get_ValidToken_Is200(string path)
    {
        using var response = await SendAsync(Http.Get(path, TestTokens.Create()));

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [TestMethod]
    public async Task Analyze_NoToken_Is401WithBearerChallenge()
    {
        using var response = await AnalyzeAsync(token: null);

        await Http.ProblemAsync(response, HttpStatusCode.Unauthorized, Cancel);
        Assert.AreEqual("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [TestMethod]
    [DataRow("/api/v1/playbook")]
    public async Task Get_NoToken_Is401(string path)
    {
        using var response = await SendAsync(Http.Get(path));

        Assert.AreEqual(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [TestMethod]
    [DataRow("/healthz")]
    [DataRow("/readyz")]
    [DataRow("/api/v1/config")]
    public async Task Get_AnonymousEndpointWithoutToken_Is200(string path)
    {
        using var response = await SendAsync(Http.Get(path));

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [TestMethod]
    public async Task Analyze_ExpiredToken_Is401()
    {
        using var response = await AnalyzeAsync(TestTokens.Create(expires: DateTime.UtcNow.AddHours(-1)));

        await Http.ProblemAsync(response, HttpStatusCode.Unauthorized, Cancel);
    }

    [TestMethod]
    public async Task Analyze_WrongAudience_Is401()
    {
        using var response = await AnalyzeAsync(TestTokens.Create(audience: "00000003-0000-0000-c000-000000000000"));

        await Http.ProblemAsync(response, HttpStatusCode.Unauthorized, Cancel);
    }

    [TestMethod]
    public async Task Analyze_WrongIssuer_Is401()
    {
        using var response = await AnalyzeAsync(TestTokens.Create(issuer: "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000001/v2.0"));

        await Http.ProblemAsync(response, HttpStatusCode.Unauthorized, Cancel);
    }

    [TestMethod]
    public async Task Analyze_BadSignature_Is401()
    {
        using var response = await AnalyzeAsync(TestTokens.Create(key: TestTokens.ForgedKey));

        await Http.ProblemAsync(response, HttpStatusCode.Unauthorized, Cancel);
    }

    [TestMethod]
    public async Task Analyze_TamperedPayload_Is401()
    {
        var parts = TestTokens.Create().Split('.');
        var other = TestTokens.Create(objectId: "11111111-2222-3333-4444-555555555555").Split('.');

        using var response = await AnalyzeAsync($"{parts[0]}.{other[1]}.{parts[2]}");

        await Http.ProblemAsync(response, HttpStatusCode.Unauthorized, Cancel);
    }

    [TestMethod]
    public async Task Analyze_OtherScopeOnly_Is403()
    {
        using var response = await AnalyzeAsync(TestTokens.Create(scope: "Files.Read"));

        await Http.ProblemAsync(response, HttpStatusCode.Forbidden, Cancel);
    }

    [TestMethod]
    public async Task Analyze_NoScopeClaim_Is401()
    {
        using var response = await AnalyzeAsync(TestTokens.Create(scope: null));

        await Http.ProblemAsync(response, HttpStatusCode.Unauthorized, Cancel);
    }

    [TestMethod]
    public async Task Addendum_OtherScopeOnly_Is403()
    {
        using var response = await SendAsync(Http.Post("/api/v1/addendum", Contracts.RawJson("{}"), TestTokens.Create(scope: "Files.Read")));

        Assert.AreEqual(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private Task<HttpResponseMessage> AnalyzeAsync(string? token) =>
        SendAsync(Http.Post("/api/v1/analyze", Contracts.Json(Contracts.Request(Contracts.DesignAgreement)), token));

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        using var client = WordRedlineApiFactory.Entra.CreateClient();
        using (request)
        {
            return await client.SendAsync(request, Cancel);
        }
    }
}

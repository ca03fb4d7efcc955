using System.Net;

namespace WordRedline.Api.Tests;

[TestClass]
public sealed class CorsTests(TestContext testContext)
{
    private CancellationToken Cancel => testContext.CancellationToken;

    [TestMethod]
    [DataRow("https://localhost:3000")]
    [DataRow("https://localhost:5443")]
    public async Task Preflight_DefaultOrigin_IsAllowed(string origin)
    {
        using var response = await PreflightAsync(WordRedlineApiFactory.Local, origin);

        Assert.AreEqual(HttpStatusCode.NoContent, response.StatusCode);
        Assert.AreEqual(origin, response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("POST", response.Headers.GetValues("Access-Control-Allow-Methods").Single());
        var headers = response.Headers.GetValues("Access-Control-Allow-Headers").Single().ToUpperInvariant();
        Assert.Contains("AUTHORIZATION", headers);
        Assert.Contains("CONTENT-TYPE", headers);
    }

    [TestMethod]
    [DataRow("https://evil.example")]
    [DataRow("http://localhost:3000")]
    [DataRow("https://localhost:3001")]
    public async Task Preflight_OtherOrigin_IsNotAllowed(string origin)
    {
        using var response = await PreflightAsync(WordRedlineApiFactory.Local, origin);

        Assert.IsFalse(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [TestMethod]
    public async Task Preflight_EntraOnWithoutToken_IsAllowed()
    {
        using var response = await PreflightAsync(WordRedlineApiFactory.Entra, "https://localhost:3000");

        Assert.AreEqual(HttpStatusCode.NoContent, response.StatusCode);
        Assert.AreEqual("https://localhost:3000", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [TestMethod]
    public async Task Preflight_ConfiguredOrigins_ReplaceTheDefaults()
    {
        // A host of its own: the origins are read at start-up.
        await using var host = WordRedlineApiFactory.With(
            ("WordRedline:Cors:AllowedOrigins:0", "https://word.contoso.example"),
            ("WordRedline:Cors:AllowedOrigins:1", "https://pane.contoso.example:8443"));

        using var allowed = await PreflightAsync(host, "https://pane.contoso.example:8443");
        using var dropped = await PreflightAsync(host, "https://localhost:3000");

        Assert.AreEqual("https://pane.contoso.example:8443", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.IsFalse(dropped.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [TestMethod]
    public async Task Get_AllowedOrigin_GetsTheAllowOriginHeader()
    {
        using var client = WordRedlineApiFactory.Local.CreateClient();
        using var request = Http.Get("/api/v1/playbook");
        request.Headers.Add("Origin", "https://localhost:3000");

        using var response = await client.SendAsync(request, Cancel);

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.AreEqual("https://localhost:3000", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var exposed = response.Headers.GetValues("Access-Control-Expose-Headers").Single();
        Assert.Contains("Content-Disposition", exposed);
        Assert.Contains("X-WordRedline-Applied", exposed);
        Assert.Contains("X-WordRedline-Score", exposed);
    }

    private async Task<HttpResponseMessage> PreflightAsync(WordRedlineApiFactory host, string origin)
    {
        using var client = host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Options, "/api/v1/analyze");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
        return await client.SendAsync(request, Cancel);
    }
}

using System.Net;
using static WordRedline.Api.Tests.WordRedlineApiFactory;

namespace WordRedline.Api.Tests;

/// <summary>What a Production deployment sends and refuses by default: HSTS on HTTPS, nosniff everywhere, a CSP on
/// the pane that allows Office.js and framing by Office on the web, no Swagger, no development origin, and 400 for a
/// Host header it does not serve.</summary>
[TestClass]
public sealed class SecurityTests(TestContext testContext)
{
    private CancellationToken Cancel => testContext.CancellationToken;

    [TestMethod]
    public async Task Production_HttpsResponse_HasHstsAndNosniff()
    {
        using var client = Production.CreateClient(new() { BaseAddress = new Uri("https://localhost") });

        using var response = await client.GetAsync("/api/v1/config", Cancel);

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.AreEqual("max-age=31536000", response.Headers.GetValues("Strict-Transport-Security").Single());
        Assert.AreEqual("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.AreEqual("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [TestMethod]
    public async Task Development_HttpsResponse_HasNoHsts()
    {
        using var client = Local.CreateClient(new() { BaseAddress = new Uri("https://localhost") });

        using var response = await client.GetAsync("/api/v1/config", Cancel);

        Assert.IsFalse(response.Headers.Contains("Strict-Transport-Security"));
        Assert.AreEqual("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [TestMethod]
    public async Task Pane_Get_HasAPolicyForOfficeJsAndOfficeFrames()
    {
        using var client = Production.CreateClient();

        using var response = await client.GetAsync("/taskpane.html", Cancel);

        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        var directives = policy.Split("; ").ToDictionary(d => d.Split(' ')[0], d => d.Split(' ')[1..]);
        Assert.AreSequenceEqual(["'self'", "https://appsforoffice.microsoft.com"], directives["script-src"]);
        Assert.Contains("https://appsforoffice.microsoft.com", directives["frame-src"]);
        Assert.Contains("https://login.microsoftonline.com", directives["connect-src"]);
        Assert.Contains("https://*.officeapps.live.com", directives["frame-ancestors"]);
        Assert.Contains("https://*.office.com", directives["frame-ancestors"]);
        Assert.AreSequenceEqual(["'none'"], directives["object-src"]);
        Assert.IsFalse(response.Headers.Contains("X-Frame-Options"), "the pane must stay frameable by Office");
    }

    [TestMethod]
    [DataRow("/swagger/v1/swagger.json")]
    [DataRow("/swagger/index.html")]
    public async Task Production_Swagger_Is404(string path)
    {
        using var client = Production.CreateClient();

        using var response = await client.GetAsync(path, Cancel);

        Assert.AreEqual(HttpStatusCode.NotFound, response.StatusCode);
    }

    [TestMethod]
    public async Task Production_DevServerOrigin_IsNotAllowed()
    {
        using var client = Production.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Options, "/api/v1/analyze");
        request.Headers.Add("Origin", "https://localhost:3000");
        request.Headers.Add("Access-Control-Request-Method", "POST");

        using var response = await client.SendAsync(request, Cancel);

        Assert.IsFalse(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [TestMethod]
    [DataRow("evil.example")]
    [DataRow("wordredline.example.com")]
    public async Task ForeignHost_Is400(string host)
    {
        using var client = Production.CreateClient();
        using var request = Http.Get("/api/v1/config");
        request.Headers.Host = host;

        using var response = await client.SendAsync(request, Cancel);

        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
    }

    /// <summary>Behind a TLS-terminating proxy listed in KnownProxies, X-Forwarded-Proto makes the request HTTPS (so
    /// HSTS is sent); from anyone else the header is ignored. A host of its own: the proxy list is read at start-up.</summary>
    [TestMethod]
    public async Task ForwardedProto_FromKnownProxyOnly_IsBelieved()
    {
        await using var host = WithEnvironment("Production", ("WordRedline:Security:KnownProxies:0", "127.0.0.1"));
        host.UseKestrel();
        host.StartServer();
        using var fromProxy = host.KestrelClient();
        using var fromOther = host.KestrelClient(from: "127.0.0.5");

        using var proxied = await fromProxy.SendAsync(Forwarded(), Cancel);
        using var spoofed = await fromOther.SendAsync(Forwarded(), Cancel);

        Assert.IsTrue(proxied.Headers.Contains("Strict-Transport-Security"));
        Assert.IsFalse(spoofed.Headers.Contains("Strict-Transport-Security"));
    }

    private static HttpRequestMessage Forwarded()
    {
        var request = Http.Get("/healthz");
        request.Headers.Add("X-Forwarded-Proto", "https");
        return request;
    }
}

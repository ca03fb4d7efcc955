using Microsoft.Extensions.Configuration;
using WordRedline.Api.Hosting;

namespace WordRedline.Api.Tests;

/// <summary>Without Entra ID the service is anonymous, so it must not listen beyond loopback unless told to.</summary>
[TestClass]
public sealed class LocalModeTests(TestContext testContext)
{
    [TestMethod]
    [DataRow("http://localhost:5000")]
    [DataRow("https://LOCALHOST:5443")]
    [DataRow("http://127.0.0.1:5000")]
    [DataRow("http://127.10.0.1:80")]
    [DataRow("http://[::1]:5000")]
    [DataRow("http://unix:/run/wordredline.sock")]
    public void IsLoopback_LoopbackAddress_IsTrue(string address) => Assert.IsTrue(LocalMode.IsLoopback(address));

    [TestMethod]
    [DataRow("http://0.0.0.0:5000")]
    [DataRow("http://*:5000")]
    [DataRow("http://+:80")]
    [DataRow("http://[::]:5000")]
    [DataRow("https://192.168.1.20:5443")]
    [DataRow("http://wordredline.contoso.example:80")]
    [DataRow("not a url")]
    public void IsLoopback_OtherAddress_IsFalse(string address) => Assert.IsFalse(LocalMode.IsLoopback(address));

    [TestMethod]
    public void NonLoopbackAddresses_EverySource_AreCollected()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["urls"] = "http://localhost:5000;http://0.0.0.0:5001",
            ["http_ports"] = "8080",
            ["https_ports"] = "8443",
            ["Kestrel:Endpoints:Https:Url"] = "https://localhost:5443",
            ["Kestrel:Endpoints:Lan:Url"] = "http://10.1.2.3:80",
        }).Build();

        var remote = LocalMode.NonLoopbackAddresses(configuration);

        Assert.AreSequenceEqual(["http://0.0.0.0:5001", "http://*:8080", "https://*:8443", "http://10.1.2.3:80"], remote.ToArray());
    }

    [TestMethod]
    public void EnsureLoopbackOnly_RemoteAddress_ThrowsNamingItAndTheWaysOut()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["urls"] = "http://0.0.0.0:5000",
        }).Build();

        var error = Assert.ThrowsExactly<InvalidOperationException>(() => LocalMode.EnsureLoopbackOnly(configuration));

        Assert.Contains("http://0.0.0.0:5000", error.Message);
        Assert.Contains("AzureAd:ClientId", error.Message);
        Assert.Contains("WordRedline:Auth:AllowAnonymousRemote=true", error.Message);
    }

    /// <summary>Run as a process, like the other start-up failures: in memory, WebApplicationFactory's deferred host can
    /// reach the failed host's disposed services first and report that instead of the reason (seen on a loaded machine).</summary>
    [TestMethod]
    public async Task Process_LocalModeOnAllInterfacesByUrls_ExitsWithTheReason()
    {
        var (exitCode, output, errors) = await ApiProcess.TryStartAsync(["--urls=http://0.0.0.0:5999"], testContext.CancellationToken);

        Assert.AreEqual(1, exitCode, output);
        Assert.Contains("local mode", errors);
        Assert.Contains("http://0.0.0.0:5999", errors);
    }

    // Hosts of their own in this class: what is tested is whether a host with these settings starts.
    [TestMethod]
    public async Task Start_LocalModeOnAllInterfacesAllowed_Serves()
    {
        await using var host = WordRedlineApiFactory.With(("urls", "http://0.0.0.0:5000"), ("WordRedline:Auth:AllowAnonymousRemote", "true"));
        using var client = host.CreateClient();

        using var response = await client.GetAsync("/healthz", testContext.CancellationToken);

        Assert.AreEqual(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    [TestMethod]
    public async Task Start_EntraOnAllInterfaces_Serves()
    {
        await using var host = WordRedlineApiFactory.With(WordRedlineApiFactory.EntraSettings, ("urls", "http://0.0.0.0:5000"));
        using var client = host.CreateClient();

        using var response = await client.GetAsync("/healthz", testContext.CancellationToken);

        Assert.AreEqual(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>The same program on loopback starts listening (and is stopped by the test).</summary>
    [TestMethod]
    public async Task Process_LocalModeOnLoopback_Listens()
    {
        var (exitCode, output, _) = await ApiProcess.TryStartAsync([], testContext.CancellationToken);

        Assert.IsNull(exitCode, output);
        Assert.Contains("Now listening on: http://127.0.0.1:", output);
    }
}

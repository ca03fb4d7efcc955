using System.Net;
using System.Net.Sockets;
using WordRedline.Api.Hosting;

namespace WordRedline.Api.Tests;

/// <summary>The real program started with a bad setting, as an operator would: one line on standard error naming the
/// key (or file, or address) and the problem, exit code 1, and no stack trace anywhere in its output.</summary>
[TestClass]
public sealed class StartupTests(TestContext testContext)
{
    private CancellationToken Cancel => testContext.CancellationToken;

    [TestMethod]
    [DataRow("WordRedline:Limits:MaxParagraphs=0", "The field WordRedline:Limits:MaxParagraphs must be between 1 and 200000.")]
    [DataRow("WordRedline:Limits:MaxRequestBytes=100", "The field WordRedline:Limits:MaxRequestBytes must be between 1024 and 500000000.")]
    [DataRow("WordRedline:Limits:MaxUploadBytes=600000000", "The field WordRedline:Limits:MaxUploadBytes must be between 1024 and 500000000.")]
    [DataRow("WordRedline:Limits:MaxParagraphChars=6000000", "WordRedline:Limits:MaxParagraphChars cannot exceed WordRedline:Limits:MaxTotalChars.")]
    [DataRow("WordRedline:RateLimit:Analyze:TokensPerPeriod=0", "The field WordRedline:RateLimit:Analyze:TokensPerPeriod must be between 1 and 1000000.")]
    [DataRow("WordRedline:RateLimit:Docx:BurstLimit=0", "The field WordRedline:RateLimit:Docx:BurstLimit must be between 1 and 1000000.")]
    [DataRow("WordRedline:DocxWork:MaxConcurrent=0", "The field WordRedline:DocxWork:MaxConcurrent must be between 1 and 256.")]
    [DataRow("WordRedline:Cors:AllowedOrigins:0=https://localhost:3000/",
        "WordRedline:Cors:AllowedOrigins has 'https://localhost:3000/', which is not an origin: write scheme://host[:port] with no path or trailing slash.")]
    [DataRow("AzureAd:ClientId=7c3e9a10-5d2f-4b8e-a6c1-0e4f8d2b9a73", "AzureAd:TenantId is required when AzureAd:ClientId is set.")]
    [DataRow("WordRedline:Limits:MaxParagraphs=many",
        "Failed to convert configuration value 'many' at 'WordRedline:Limits:MaxParagraphs' to type 'System.Int32'.")]
    [DataRow("Kestrel:Endpoints:Https:Url=http://0.0.0.0:5999",
        "WordRedline is in local mode (AzureAd:ClientId is not set), so anyone who can reach it can use it, and it listens on loopback only. It was asked to listen on http://0.0.0.0:5999. Listen on localhost, 127.0.0.1 or [::1]; or turn on Entra ID (AzureAd:TenantId, AzureAd:ClientId); or, if something in front of the service controls access, set WordRedline:Auth:AllowAnonymousRemote=true.")]
    public async Task Start_BadSetting_OneLineNamingItAndExit1(string setting, string expected) =>
        await AssertFailsWithAsync([$"--{setting}"], expected);

    [TestMethod]
    public async Task Start_MissingPlaybookFile_OneLineNamingTheFile()
    {
        var (exitCode, output, errors) = await ApiProcess.TryStartAsync(["--WordRedline:Playbook:Path=/nonexistent/firm-playbook.json"], Cancel);

        Assert.AreEqual(1, exitCode, output);
        Assert.HasCount(1, Lines(errors), output);
        Assert.StartsWith(Startup.Prefix + "Playbook /nonexistent/firm-playbook.json cannot be read", errors);
        AssertNoStackTrace(output);
    }

    [TestMethod]
    public async Task Start_PortInUse_OneLineNamingTheAddress()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var (exitCode, output, errors) = await ApiProcess.TryStartAsync([$"--Kestrel:Endpoints:Https:Url=http://127.0.0.1:{port}"], Cancel);

        Assert.AreEqual(1, exitCode, output);
        Assert.HasCount(1, Lines(errors), output);
        Assert.Contains($"127.0.0.1:{port}", errors);
        AssertNoStackTrace(output);
    }

    [TestMethod]
    public async Task Start_TwoBadSettingsInOneSection_OneLineEach()
    {
        var (exitCode, output, errors) = await ApiProcess.TryStartAsync(
            ["--WordRedline:Limits:MaxParagraphs=0", "--WordRedline:Limits:MaxRequestBytes=100"], Cancel);

        Assert.AreEqual(1, exitCode, output);
        Assert.AreSequenceEqual(
            [
                Startup.Prefix + "The field WordRedline:Limits:MaxParagraphs must be between 1 and 200000.",
                Startup.Prefix + "The field WordRedline:Limits:MaxRequestBytes must be between 1024 and 500000000.",
            ],
            Lines(errors).Order(StringComparer.Ordinal).ToArray());
        AssertNoStackTrace(output);
    }

    private async Task AssertFailsWithAsync(string[] settings, string expected)
    {
        var (exitCode, output, errors) = await ApiProcess.TryStartAsync(settings, Cancel);

        Assert.AreEqual(1, exitCode, output);
        Assert.AreSequenceEqual([Startup.Prefix + expected], Lines(errors), output);
        AssertNoStackTrace(output);
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static void AssertNoStackTrace(string output)
    {
        Assert.DoesNotContain("   at ", output);
        Assert.DoesNotContain("Unhandled exception", output);
        Assert.DoesNotContain("Exception:", output);
    }
}

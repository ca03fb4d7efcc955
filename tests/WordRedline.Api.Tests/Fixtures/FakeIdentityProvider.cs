using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace WordRedline.Api.Tests.Fixtures;

/// <summary>An OpenID provider on a loopback port that serves Entra ID's metadata and <see cref="TestTokens"/>' key,
/// counts its metadata requests, can be told to fail (500) or to hang (hold the request without answering until the
/// caller gives up), and can be stopped like an unreachable Entra ID.</summary>
internal sealed class FakeIdentityProvider : IAsyncDisposable
{
    private static readonly JsonSerializerOptions SkipNulls = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    private readonly WebApplication app;
    private readonly CancellationTokenSource release = new();
    private int metadataRequests;
    private int held;
    private int abandoned;

    private FakeIdentityProvider(WebApplication app, Uri address)
    {
        this.app = app;
        Address = address;
    }

    /// <summary>The instance to configure as AzureAd:Instance ("http://127.0.0.1:port/").</summary>
    public Uri Address { get; }

    public string Issuer => $"{Address}{TestTokens.TenantId}/v2.0";

    public bool Failing { get; set; }

    public int MetadataRequests => Volatile.Read(ref metadataRequests);

    /// <summary>While set, a metadata request gets no answer: it is held until its caller gives up.</summary>
    public bool Hanging { get; set; }

    /// <summary>Metadata requests that were held.</summary>
    public int Held => Volatile.Read(ref held);

    /// <summary>Held metadata requests whose caller gave up (a timeout on the service's side).</summary>
    public int Abandoned => Volatile.Read(ref abandoned);

    public static async Task<FakeIdentityProvider> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        // Not the API's appsettings.json beside the tests (its HTTPS endpoint).
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        FakeIdentityProvider? provider = null;
        app.MapGet($"/{TestTokens.TenantId}/v2.0/.well-known/openid-configuration", async (HttpContext context) =>
        {
            Interlocked.Increment(ref provider!.metadataRequests);
            if (provider.Hanging)
            {
                await provider.HoldAsync(context.RequestAborted);
                return Results.Empty;
            }

            return provider.Failing
                ? Results.StatusCode(StatusCodes.Status500InternalServerError)
                : Results.Text(JsonSerializer.Serialize(new Dictionary<string, object>
                {
                    ["issuer"] = provider.Issuer,
                    ["jwks_uri"] = $"{provider.Address}{TestTokens.TenantId}/discovery/v2.0/keys",
                    ["authorization_endpoint"] = $"{provider.Address}{TestTokens.TenantId}/oauth2/v2.0/authorize",
                    ["token_endpoint"] = $"{provider.Address}{TestTokens.TenantId}/oauth2/v2.0/token",
                }), "application/json");
        });
        app.MapGet($"/{TestTokens.TenantId}/discovery/v2.0/keys", () => Results.Text(
            JsonSerializer.Serialize(new { keys = new[] { TestTokens.PublicJwk } }, SkipNulls),
            "application/json"));
        await app.StartAsync(cancellationToken);
        provider = new FakeIdentityProvider(app, new Uri(app.Urls.Single().TrimEnd('/') + "/"));
        return provider;
    }

    /// <summary>Stops listening: from now on connections to it are refused.</summary>
    public async Task StopAsync()
    {
        await release.CancelAsync();
        await app.StopAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await release.CancelAsync();
        await app.DisposeAsync();
        release.Dispose();
    }

    private async Task HoldAsync(CancellationToken aborted)
    {
        Interlocked.Increment(ref held);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(aborted, release.Token);
        try
        {
            await Task.Delay(Timeout.Infinite, either.Token);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            Interlocked.Increment(ref abandoned);
        }
        catch (OperationCanceledException)
        {
            // Released by StopAsync or DisposeAsync.
        }
    }
}

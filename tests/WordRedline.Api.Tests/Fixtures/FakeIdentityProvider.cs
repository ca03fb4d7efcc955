using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace WordRedline.Api.Tests.Fixtures;

/// <summary>An OpenID provider on a loopback port that serves Entra ID's metadata and <see cref="TestTokens"/>' key,
/// counts its metadata requests, can be told to fail (500), and can be stopped like an unreachable Entra ID.</summary>
internal sealed class FakeIdentityProvider : IAsyncDisposable
{
    private static readonly JsonSerializerOptions SkipNulls = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    private readonly WebApplication app;
    private int metadataRequests;

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
        app.MapGet($"/{TestTokens.TenantId}/v2.0/.well-known/openid-configuration", (HttpContext context) =>
        {
            Interlocked.Increment(ref provider!.metadataRequests);
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
    public Task StopAsync() => app.StopAsync();

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}

using System.ComponentModel.DataAnnotations;
using System.Net;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Identity.Web;

namespace WordRedline.Api.Hosting;

internal static class Policies
{
    /// <summary>The one scope policy: every /api/v1 group but config requires it.</summary>
    public const string AccessAsUser = "access_as_user";
}

/// <summary>The parts of the Microsoft.Identity.Web <c>AzureAd</c> section that the API and the pane need to know.</summary>
internal sealed class EntraOptions : ISettings, IValidatableObject
{
    public static string SectionName => "AzureAd";

    public string Instance { get; set; } = "https://login.microsoftonline.com/";
    public string? TenantId { get; set; }

    /// <summary>The API's app registration; empty means local mode.</summary>
    public string? ClientId { get; set; }

    /// <summary>The App ID URI when it is not <c>api://{ClientId}</c>.</summary>
    public string? Audience { get; set; }

    /// <summary>Space-separated scopes a token must carry one of.</summary>
    public string Scopes { get; set; } = "access_as_user";

    public bool Enabled => !string.IsNullOrWhiteSpace(ClientId);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Enabled && string.IsNullOrWhiteSpace(TenantId))
        {
            yield return new ValidationResult("is required when AzureAd:ClientId is set.", [nameof(TenantId)]);
        }
    }
}

internal sealed class AuthOptions : ISettings
{
    public static string SectionName => "WordRedline:Auth";

    /// <summary>Local mode answers anyone who can reach it, so it listens on loopback only unless this is set, for
    /// a host where something in front of the service already controls access.</summary>
    public bool AllowAnonymousRemote { get; set; }

    /// <summary>The add-in's own app registration (the NAA client) when it is not the API's.</summary>
    public string? AddinClientId { get; set; }
}

internal static class Auth
{
    public static void AddWordRedlineAuth(this WebApplicationBuilder builder)
    {
        builder.Services.AddSettings<AuthOptions>();
        builder.Services.AddSettings<EntraOptions>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IdentityProviderHealth>();

        var entra = builder.Configuration.Read<EntraOptions>();
        if (entra.Enabled)
        {
            builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
                .AddMicrosoftIdentityWebApi(builder.Configuration.GetSection(EntraOptions.SectionName));
            builder.Services.AddWordRedlineIdentityProvider(entra);
            // The handler logs an unreachable identity provider as an error with its stack on every request;
            // IdentityProviderHealth reports it once instead.
            builder.Logging.AddFilter("Microsoft.AspNetCore.Authentication.JwtBearer.JwtBearerHandler",
                level => level is LogLevel.Warning or LogLevel.Critical);
            builder.Services.AddAuthorizationBuilder().AddPolicy(Policies.AccessAsUser, policy => policy
                .RequireAuthenticatedUser()
                .AddRequirements(new ScopeAuthorizationRequirement { RequiredScopesConfigurationKey = "AzureAd:Scopes" }));
            return;
        }

        // The schemes' plumbing without Data Protection, which only cookies would need.
        builder.Services.AddAuthenticationCore();
        // Local mode: one person's own machine. The loopback-only bind (StartupChecks) is the access control.
        builder.Services.AddAuthorizationBuilder().AddPolicy(Policies.AccessAsUser, policy => policy.RequireAssertion(_ => true));
    }
}

/// <summary>The start-up check that keeps an anonymous service off the network.</summary>
internal static class LocalMode
{
    public static void EnsureLoopbackOnly(IConfiguration configuration)
    {
        var remote = NonLoopbackAddresses(configuration);
        if (remote.Count > 0)
        {
            throw new InvalidOperationException(
                $"WordRedline is in local mode (AzureAd:ClientId is not set), so anyone who can reach it can use it, and it " +
                $"listens on loopback only. It was asked to listen on {string.Join(", ", remote)}. Listen on localhost, " +
                "127.0.0.1 or [::1]; or turn on Entra ID (AzureAd:TenantId, AzureAd:ClientId); or, if something in front of " +
                "the service controls access, set WordRedline:Auth:AllowAnonymousRemote=true.");
        }
    }

    /// <summary>Every address the host was told to listen on (urls, http_ports/https_ports, Kestrel endpoints)
    /// that is not loopback.</summary>
    public static IReadOnlyList<string> NonLoopbackAddresses(IConfiguration configuration)
    {
        var addresses = new List<string>();
        addresses.AddRange(SplitList(configuration["urls"]));
        // Ports alone bind every interface.
        addresses.AddRange(SplitList(configuration["http_ports"]).Select(port => $"http://*:{port}"));
        addresses.AddRange(SplitList(configuration["https_ports"]).Select(port => $"https://*:{port}"));
        addresses.AddRange(configuration.GetSection("Kestrel:Endpoints").GetChildren()
            .Select(endpoint => endpoint["Url"]).OfType<string>());
        return [.. addresses.Where(address => !IsLoopback(address))];
    }

    public static bool IsLoopback(string address)
    {
        BindingAddress parsed;
        try
        {
            parsed = BindingAddress.Parse(address);
        }
        catch (FormatException)
        {
            return false;
        }

        if (parsed.IsUnixPipe || parsed.IsNamedPipe)
        {
            return true;
        }

        return string.Equals(parsed.Host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(parsed.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
    }

    private static string[] SplitList(string? value) =>
        value?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
}

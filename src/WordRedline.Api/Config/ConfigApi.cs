using System.Reflection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using WordRedline.Api.Hosting;
using WordRedline.Core;

namespace WordRedline.Api.Config;

/// <summary>What the pane needs before its first call. No secrets: everything here is public in any token request.</summary>
internal sealed record ClientConfig(string Version, string Playbook, AuthConfig Auth, LimitsConfig Limits);

/// <param name="Enabled">False in local mode: call without a token.</param>
/// <param name="ClientId">The app registration the pane signs in with (NAA).</param>
/// <param name="Authority">The Entra ID authority for that sign-in.</param>
/// <param name="Scopes">The scopes to request for this API.</param>
internal sealed record AuthConfig(bool Enabled, string? ClientId, string? Authority, IReadOnlyList<string> Scopes);

internal sealed record LimitsConfig(int MaxParagraphs, int MaxParagraphChars, int MaxTotalChars, long MaxRequestBytes);

internal static class ConfigApi
{
    private static readonly string Version =
        typeof(ConfigApi).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    public static RouteGroupBuilder MapConfigApi(this IEndpointRouteBuilder app)
    {
        // Anonymous: the pane reads it to learn whether and how to sign in.
        var group = app.MapGroup("/api/v1")
            .WithTags("Config")
            .RequireRateLimiting(RateLimiting.Analyze)
            .RequireCors(Cors.PolicyName)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapGet("/config", GetConfig).WithSummary("Tell the pane how to sign in, the request limits and the service version");
        return group;
    }

    internal static Ok<ClientConfig> GetConfig(
        IOptions<EntraOptions> entra, IOptions<AuthOptions> auth, IOptions<LimitsOptions> limits, ClauseEngine engine)
    {
        var ad = entra.Value;
        var authConfig = ad.Enabled
            ? new AuthConfig(true, auth.Value.AddinClientId ?? ad.ClientId, $"{ad.Instance.TrimEnd('/')}/{ad.TenantId}",
                [.. ad.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(scope => $"{ad.Audience ?? $"api://{ad.ClientId}"}/{scope}")])
            : new AuthConfig(false, null, null, []);
        var l = limits.Value;
        return TypedResults.Ok(new ClientConfig(Version, $"{engine.DefaultPlaybook.Id}@{engine.DefaultPlaybook.Version}", authConfig,
            new LimitsConfig(l.MaxParagraphs, l.MaxParagraphChars, l.MaxTotalChars, l.MaxRequestBytes)));
    }
}

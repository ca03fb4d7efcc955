using System.ComponentModel.DataAnnotations;
using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.HttpsPolicy;
using Microsoft.Extensions.Options;

namespace WordRedline.Api.Hosting;

/// <summary>What the service tells browsers and trusts from proxies once it is on the internet.</summary>
internal sealed class SecurityOptions : ISettings, IValidatableObject
{
    public static string SectionName => "WordRedline:Security";

    /// <summary>Strict-Transport-Security on HTTPS responses; on by default outside Development.</summary>
    public bool? Hsts { get; set; }

    [Range(1, 3_650)]
    public int HstsMaxAgeDays { get; set; } = 365;

    /// <summary>The origins that may frame the pane. Empty: Office and Outlook on the web
    /// (<see cref="OfficeFrameAncestors"/>). Desktop Office shows the pane in its own web view, not a frame.</summary>
    public string[] FrameAncestors { get; set; } = [];

    /// <summary>Proxies whose X-Forwarded-For and X-Forwarded-Proto are believed (IP addresses); with
    /// <see cref="KnownNetworks"/>, empty means forwarded headers are ignored.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks of such proxies, in CIDR notation ("10.0.0.0/8").</summary>
    public string[] KnownNetworks { get; set; } = [];

    public static readonly string[] OfficeFrameAncestors =
    [
        "https://*.officeapps.live.com", "https://*.office.com", "https://*.office365.com", "https://*.microsoft365.com",
        "https://*.cloud.microsoft", "https://*.sharepoint.com", "https://*.live.com",
    ];

    public bool ForwardedHeaders => KnownProxies.Length > 0 || KnownNetworks.Length > 0;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var proxy in KnownProxies.Where(proxy => !IPAddress.TryParse(proxy, out _)))
        {
            yield return new ValidationResult($"has '{proxy}', which is not an IP address.", [nameof(KnownProxies)]);
        }

        foreach (var network in KnownNetworks.Where(network => !System.Net.IPNetwork.TryParse(network, out _)))
        {
            yield return new ValidationResult($"has '{network}', which is not a network in CIDR notation (10.0.0.0/8).", [nameof(KnownNetworks)]);
        }

        foreach (var origin in FrameAncestors.Where(origin => !origin.StartsWith("https://", StringComparison.Ordinal) || origin.Any(char.IsWhiteSpace) || origin.Contains(';')))
        {
            yield return new ValidationResult($"has '{origin}', which is not an https origin.", [nameof(FrameAncestors)]);
        }
    }
}

/// <summary>Production defaults: forwarded headers from known proxies only, HSTS, nosniff and no referrer on every
/// response, and a Content-Security-Policy on the pane's pages that Office.js and the pane work under.</summary>
internal static class Security
{
    public static void AddWordRedlineSecurity(this WebApplicationBuilder builder)
    {
        builder.Services.AddSettings<SecurityOptions>();
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<SecurityOptions>>((forwarded, security) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.ForwardLimit = 1;
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in security.Value.KnownProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in security.Value.KnownNetworks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        builder.Services.AddHsts(hsts => hsts.ExcludedHosts.Clear());
        builder.Services.AddOptions<HstsOptions>().Configure<IOptions<SecurityOptions>>((hsts, security) =>
            hsts.MaxAge = TimeSpan.FromDays(security.Value.HstsMaxAgeDays));
    }

    public static void UseWordRedlineSecurity(this WebApplication app)
    {
        var security = app.Services.GetRequiredService<IOptions<SecurityOptions>>().Value;
        if (security.ForwardedHeaders)
        {
            app.UseForwardedHeaders();
        }

        if (security.Hsts ?? !app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            // Nothing the pane links to needs to know where the user came from.
            headers["Referrer-Policy"] = "no-referrer";
            return next(context);
        });
    }

    /// <summary>The pane's policy: its own scripts and Office.js (from Microsoft's CDN, which also serves the host
    /// scripts, strings and the trust-check frame Office.js loads), inline styles (Fluent UI inserts its styles at run
    /// time), calls to this service, Entra ID's sign-in and Office's telemetry, and framing by Office on the web.</summary>
    public static string PaneContentSecurityPolicy(SecurityOptions security, EntraOptions entra)
    {
        const string OfficeCdn = "https://appsforoffice.microsoft.com";
        var signIn = new[] { "https://login.microsoftonline.com", Origin(entra.Instance) }.Distinct(StringComparer.OrdinalIgnoreCase);
        var ancestors = security.FrameAncestors.Length > 0 ? security.FrameAncestors : SecurityOptions.OfficeFrameAncestors;
        return string.Join("; ",
            "default-src 'self'",
            $"script-src 'self' {OfficeCdn}",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self' data:",
            $"connect-src 'self' {string.Join(' ', signIn)} https://*.pipe.aria.microsoft.com",
            $"frame-src 'self' {OfficeCdn} {string.Join(' ', signIn)}",
            $"frame-ancestors 'self' {string.Join(' ', ancestors)}",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'");
    }

    private static string Origin(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : "https://login.microsoftonline.com";
}

using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Options;

namespace WordRedline.Api.Hosting;

/// <summary>Origins allowed to call the API from a browser. The pane served by this service is same-origin and
/// needs no CORS; the list is for a pane hosted elsewhere. Empty: none, or in Development the add-in's dev server
/// (https://localhost:3000) and the service's own default origin.</summary>
internal sealed class PaneCorsOptions : ISettings, IValidatableObject
{
    public static string SectionName => "WordRedline:Cors";

    /// <summary>Empty means the defaults (configuration binding appends to a non-empty default).</summary>
    public string[] AllowedOrigins { get; set; } = [];

    public static readonly string[] DevelopmentOrigins = ["https://localhost:5443", "https://localhost:3000"];

    public string[] EffectiveOrigins(IHostEnvironment environment) =>
        AllowedOrigins.Length > 0 ? AllowedOrigins : environment.IsDevelopment() ? DevelopmentOrigins : [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        AllowedOrigins
            .Where(origin => !Uri.TryCreate(origin, UriKind.Absolute, out var uri)
                || uri.Scheme is not ("https" or "http") || uri.PathAndQuery != "/" || origin.EndsWith('/'))
            .Select(origin => new ValidationResult(
                $"has '{origin}', which is not an origin: write scheme://host[:port] with no path or trailing slash.", [nameof(AllowedOrigins)]));
}

internal static class Cors
{
    public const string PolicyName = "pane";

    public static void AddWordRedlineCors(this WebApplicationBuilder builder)
    {
        builder.Services.AddSettings<PaneCorsOptions>();
        builder.Services.AddCors();
        builder.Services.AddOptions<CorsOptions>().Configure<IOptions<PaneCorsOptions>, IHostEnvironment>((cors, pane, environment) =>
            cors.AddPolicy(PolicyName, policy => policy
                .WithOrigins(pane.Value.EffectiveOrigins(environment))
                .WithMethods("GET", "POST")
                // A bearer token in a header needs no credentials mode.
                .WithHeaders("Authorization", "Content-Type")
                // A browser page on another origin that redlines a .docx needs the file name and the summary.
                .WithExposedHeaders("Content-Disposition", "X-WordRedline-Applied", "X-WordRedline-Skipped",
                    "X-WordRedline-Findings", "X-WordRedline-Score", "X-WordRedline-Grade")
                // A live re-scan posts on every pause in typing; one preflight per ten minutes is enough.
                .SetPreflightMaxAge(TimeSpan.FromMinutes(10))));
    }
}

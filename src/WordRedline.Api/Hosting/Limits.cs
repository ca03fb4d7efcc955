using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace WordRedline.Api.Hosting;

/// <summary>How much one request may carry. A 300-page contract is about 7,500 paragraphs and 1 MB of text; the
/// defaults leave room for several of those without letting one request exhaust the machine.</summary>
internal sealed class LimitsOptions : ISettings, IValidatableObject
{
    public static string SectionName => "WordRedline:Limits";

    [Range(1, 200_000)]
    public int MaxParagraphs { get; set; } = 20_000;

    [Range(1, 10_000_000)]
    public int MaxParagraphChars { get; set; } = 200_000;

    [Range(1, 50_000_000)]
    public int MaxTotalChars { get; set; } = 5_000_000;

    /// <summary>JSON escaping, ids and multi-byte characters add to the text, so the body limit sits well above it.</summary>
    [Range(1_024, 500_000_000)]
    public long MaxRequestBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>The body limit of the .docx upload endpoints (file and form fields), and the largest .docx read.</summary>
    [Range(1_024, 500_000_000)]
    public long MaxUploadBytes { get; set; } = 32 * 1024 * 1024;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaxParagraphChars > MaxTotalChars)
        {
            yield return new ValidationResult($"cannot exceed {SectionName}:{nameof(MaxTotalChars)}.", [nameof(MaxParagraphChars)]);
        }
    }
}

internal static class Limits
{
    public static void AddWordRedlineLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddSettings<LimitsOptions>();
        // Kestrel stops a body without Content-Length (chunked) as soon as it passes the limit.
        builder.Services.AddOptions<KestrelServerOptions>().Configure<IOptions<LimitsOptions>>((kestrel, limits) =>
            kestrel.Limits.MaxRequestBodySize = limits.Value.MaxRequestBytes);
    }

    /// <summary>Answers 413 from the Content-Length header alone, before a byte of the body is read. Upload
    /// endpoints (<see cref="WithUploadBody"/>) get MaxUploadBytes instead, and Kestrel's cap is raised to match.</summary>
    public static void UseWordRedlineLimits(this WebApplication app)
    {
        var limits = app.Services.GetRequiredService<IOptions<LimitsOptions>>().Value;
        app.Use((context, next) =>
        {
            var upload = context.GetEndpoint()?.Metadata.GetMetadata<UploadBody>() is not null;
            var (maxBytes, setting) = upload
                ? (limits.MaxUploadBytes, nameof(LimitsOptions.MaxUploadBytes))
                : (limits.MaxRequestBytes, nameof(LimitsOptions.MaxRequestBytes));
            if (context.Request.ContentLength > maxBytes)
            {
                return Errors.WriteProblemAsync(context, StatusCodes.Status413PayloadTooLarge,
                    $"The request body is larger than the limit of {maxBytes} bytes (WordRedline:Limits:{setting}).").AsTask();
            }

            if (upload && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
            {
                bodySize.MaxRequestBodySize = maxBytes;
            }

            return next(context);
        });
    }

    /// <summary>Marks an endpoint that takes a .docx upload (MaxUploadBytes) and documents its body errors.</summary>
    public static RouteHandlerBuilder WithUploadBody(this RouteHandlerBuilder builder) => builder
        .WithMetadata(new UploadBody())
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

    private sealed class UploadBody;

    /// <summary>Documents the errors a JSON body can meet before validation: unreadable, too large, wrong type.</summary>
    public static RouteHandlerBuilder WithJsonBodyErrors(this RouteHandlerBuilder builder) => builder
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
}

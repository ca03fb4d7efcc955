using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace WordRedline.Api.Hosting;

/// <summary>How much one request may carry. A 300-page contract is about 7,500 paragraphs and 1 MB of text; the
/// defaults leave room for several of those without letting one request exhaust the machine.</summary>
internal sealed class LimitsOptions : IValidatableObject
{
    public const string SectionName = "WordRedline:Limits";

    [Range(1, 200_000)]
    public int MaxParagraphs { get; set; } = 20_000;

    [Range(1, 10_000_000)]
    public int MaxParagraphChars { get; set; } = 200_000;

    [Range(1, 50_000_000)]
    public int MaxTotalChars { get; set; } = 5_000_000;

    /// <summary>JSON escaping, ids and multi-byte characters add to the text, so the body limit sits well above it.</summary>
    [Range(1_024, 500_000_000)]
    public long MaxRequestBytes { get; set; } = 16 * 1024 * 1024;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaxParagraphChars > MaxTotalChars)
        {
            yield return new ValidationResult("MaxParagraphChars cannot exceed MaxTotalChars.", [nameof(MaxParagraphChars)]);
        }
    }
}

internal static class Limits
{
    public static void AddWordRedlineLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<LimitsOptions>().BindConfiguration(LimitsOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        // Kestrel stops a body without Content-Length (chunked) as soon as it passes the limit.
        builder.Services.AddOptions<KestrelServerOptions>().Configure<IOptions<LimitsOptions>>((kestrel, limits) =>
            kestrel.Limits.MaxRequestBodySize = limits.Value.MaxRequestBytes);
    }

    /// <summary>Answers 413 from the Content-Length header alone, before a byte of the body is read.</summary>
    public static void UseWordRedlineLimits(this WebApplication app)
    {
        var maxBytes = app.Services.GetRequiredService<IOptions<LimitsOptions>>().Value.MaxRequestBytes;
        app.Use((context, next) => context.Request.ContentLength > maxBytes
            ? Errors.WriteProblemAsync(context, StatusCodes.Status413PayloadTooLarge,
                $"The request body is larger than the limit of {maxBytes} bytes (WordRedline:Limits:MaxRequestBytes).").AsTask()
            : next(context));
    }

    /// <summary>Documents the errors a JSON body can meet before validation: unreadable, too large, wrong type.</summary>
    public static RouteHandlerBuilder WithJsonBodyErrors(this RouteHandlerBuilder builder) => builder
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
}

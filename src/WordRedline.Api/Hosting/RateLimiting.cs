using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Web;

namespace WordRedline.Api.Hosting;

/// <summary>One token bucket: <see cref="TokensPerPeriod"/> requests every <see cref="PeriodSeconds"/>, at most
/// <see cref="BurstLimit"/> at once after a quiet spell.</summary>
internal sealed class TokenBucketSettings
{
    [Range(1, 1_000_000)]
    public int TokensPerPeriod { get; set; }

    [Range(1, 86_400)]
    public int PeriodSeconds { get; set; } = 1;

    [Range(1, 1_000_000)]
    public int BurstLimit { get; set; }
}

/// <summary>Limits priced by cost: an analysis takes milliseconds of CPU, a .docx 0.2-1.5 s, so each has its own
/// bucket per caller. The pane re-scans as the user types: the analyze defaults (50 a second, bursts of 100) are well
/// above one person's live re-scanning; the .docx defaults (10 a minute, bursts of 5) above one person's uploads.</summary>
internal sealed class RateLimitOptions : ISettings
{
    public static string SectionName => "WordRedline:RateLimit";

    /// <summary>/analyze, /addendum, /playbook and /config.</summary>
    public TokenBucketSettings Analyze { get; set; } = new() { TokensPerPeriod = 50, PeriodSeconds = 1, BurstLimit = 100 };

    /// <summary>/redline and /analyze/docx.</summary>
    public TokenBucketSettings Docx { get; set; } = new() { TokensPerPeriod = 10, PeriodSeconds = 60, BurstLimit = 5 };
}

internal static class RateLimiting
{
    public const string Analyze = "analyze";
    public const string Docx = "docx";

    public static void AddWordRedlineRateLimiting(this WebApplicationBuilder builder)
    {
        builder.Services.AddSettings<RateLimitOptions>();
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(Analyze, context => Bucket(context, options => options.Analyze));
            limiter.AddPolicy(Docx, context => Bucket(context, options => options.Docx));
            limiter.OnRejected = (rejected, _) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                rejected.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                return Errors.WriteProblemAsync(rejected.HttpContext, StatusCodes.Status429TooManyRequests,
                    $"Too many requests from this client; retry after {seconds} s.");
            };
        });
    }

    private static RateLimitPartition<string> Bucket(HttpContext context, Func<RateLimitOptions, TokenBucketSettings> pick)
    {
        var bucket = pick(context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value);
        return RateLimitPartition.GetTokenBucketLimiter(ClientKey(context), _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = bucket.BurstLimit,
            TokensPerPeriod = bucket.TokensPerPeriod,
            ReplenishmentPeriod = TimeSpan.FromSeconds(bucket.PeriodSeconds),
            QueueLimit = 0,
        });
    }

    /// <summary>The signed-in user (object id within its tenant), or the caller's address when there is none (local
    /// mode, or no valid token). Behind a proxy the address is the client's only when forwarded headers are on.</summary>
    internal static string ClientKey(HttpContext context) =>
        context.User.GetObjectId() is { Length: > 0 } oid
            ? $"user:{context.User.GetTenantId()}/{oid}"
            : $"ip:{context.Connection.RemoteIpAddress}";
}

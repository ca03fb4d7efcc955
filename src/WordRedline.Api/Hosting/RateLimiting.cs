using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Web;

namespace WordRedline.Api.Hosting;

/// <summary>A token bucket per client. The pane re-scans as the user types: the defaults (50 a second, bursts of
/// 100) are well above what one person's live re-scanning sends.</summary>
internal sealed class RateLimitOptions
{
    public const string SectionName = "WordRedline:RateLimit";

    [Range(1, 1_000_000)]
    public int TokensPerPeriod { get; set; } = 50;

    [Range(1, 86_400)]
    public int PeriodSeconds { get; set; } = 1;

    [Range(1, 1_000_000)]
    public int BurstLimit { get; set; } = 100;
}

internal static class RateLimiting
{
    public const string PolicyName = "per-client";

    public static void AddWordRedlineRateLimiting(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(PolicyName, context =>
            {
                var options = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
                return RateLimitPartition.GetTokenBucketLimiter(ClientKey(context), _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = options.BurstLimit,
                    TokensPerPeriod = options.TokensPerPeriod,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(options.PeriodSeconds),
                    QueueLimit = 0,
                });
            });
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

    /// <summary>The signed-in user's object id, or the caller's address when there is none (local mode, no token).</summary>
    internal static string ClientKey(HttpContext context) =>
        context.User.GetObjectId() is { Length: > 0 } oid ? $"oid:{oid}" : $"ip:{context.Connection.RemoteIpAddress}";
}

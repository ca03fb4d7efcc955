using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace WordRedline.Api.Hosting;

internal sealed class ShutdownOptions : ISettings
{
    public static string SectionName => "WordRedline:Shutdown";

    /// <summary>How long a stopping service (SIGTERM, Ctrl+C) lets in-flight requests finish before it closes their
    /// connections. Keep it above WordRedline:DocxWork:TimeoutSeconds' typical use and below the orchestrator's grace.</summary>
    [Range(1, 3_600)]
    public int TimeoutSeconds { get; set; } = 30;
}

/// <summary>Graceful shutdown: once the service is stopping, requests already running finish, requests waiting for
/// .docx work and new requests get 503 with Retry-After and Connection: close (a load balancer retries them on
/// another instance), /readyz says not-ready, and nothing is answered with a 500.</summary>
internal static class Shutdown
{
    public static void AddWordRedlineShutdown(this WebApplicationBuilder builder)
    {
        builder.Services.AddSettings<ShutdownOptions>();
        builder.Services.AddOptions<HostOptions>().Configure<IOptions<ShutdownOptions>>((host, shutdown) =>
            host.ShutdownTimeout = TimeSpan.FromSeconds(shutdown.Value.TimeoutSeconds));
    }

    public static void UseWordRedlineShutdown(this WebApplication app)
    {
        var stopping = app.Lifetime.ApplicationStopping;
        app.Use((context, next) =>
        {
            // Liveness stays truthful while draining; everything else is sent elsewhere.
            if (!stopping.IsCancellationRequested || context.Request.Path.StartsWithSegments("/healthz"))
            {
                return next(context);
            }

            return Refuse(context).AsTask();
        });
    }

    /// <summary>The answer for a request that arrives, or is still waiting, while the service stops.</summary>
    public static ValueTask Refuse(HttpContext context)
    {
        context.Response.Headers.RetryAfter = "5";
        context.Response.Headers.Connection = "close";
        return Errors.WriteProblemAsync(context, StatusCodes.Status503ServiceUnavailable, "The service is shutting down; retry in a moment.");
    }
}

using System.Diagnostics;

namespace WordRedline.Api.Hosting;

/// <summary>One structured line per request: method, route template (not the raw path), status, duration, body
/// size and trace id; never a header or a body. HTTP duration metrics come from ASP.NET Core's own
/// <c>http.server.request.duration</c>.</summary>
internal static partial class RequestLogging
{
    public static void UseWordRedlineRequestLogging(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("WordRedline.Api.Requests");
        app.Use(async (context, next) =>
        {
            var start = Stopwatch.GetTimestamp();
            try
            {
                await next(context);
            }
            finally
            {
                var elapsedMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                // The route template names the endpoint without any caller-chosen value; a request that matched no
                // endpoint (a static file, a 404, a 415 chosen by content type) is named by its path.
                var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? context.Request.Path.Value ?? "";
                LogRequest(logger, context.Request.Method, route, context.Response.StatusCode, elapsedMs,
                    context.Request.ContentLength ?? 0, context.TraceIdentifier);
            }
        });
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "HTTP {Method} {Route} answered {StatusCode} in {ElapsedMs:0.0} ms ({RequestBytes} request bytes, trace {TraceId})")]
    private static partial void LogRequest(ILogger logger, string method, string route, int statusCode, double elapsedMs,
        long requestBytes, string traceId);
}


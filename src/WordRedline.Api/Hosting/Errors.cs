using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace WordRedline.Api.Hosting;

/// <summary>Every error is an RFC 7807 problem: no request, however bad, gets a stack trace or an unexplained 500.</summary>
internal static class Errors
{
    public const string UnsupportedMediaType = "Send the request body as application/json.";

    public static void AddWordRedlineErrors(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
            // Routing answers a body of the wrong type before any handler runs; say what it wants.
            context.ProblemDetails.Detail ??= context.ProblemDetails.Status == StatusCodes.Status415UnsupportedMediaType
                ? UnsupportedMediaType
                : null);
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        // The handler below logs what it handles without the exception's message (it can quote the request),
        // so the middleware's own "unhandled exception" log, which prints it, is turned off.
        builder.Services.AddExceptionHandler(options => options.SuppressDiagnosticsCallback = _ => true);
        // Minimal APIs otherwise answer a bad body with an empty 400/415 outside Development and throw inside it;
        // throwing everywhere sends both through the one handler below.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
    }

    public static void UseWordRedlineErrors(this WebApplication app)
    {
        app.UseExceptionHandler();
        // 401, 403, 404, 405 and friends get a problem body too.
        app.UseStatusCodePages();
    }

    /// <summary>Writes a problem response; used by every component that answers an error itself.</summary>
    public static ValueTask WriteProblemAsync(HttpContext context, int status, string detail)
    {
        context.Response.StatusCode = status;
        return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Detail = detail },
        });
    }
}

internal sealed partial class ProblemExceptionHandler(ILogger<ProblemExceptionHandler> logger, IHostApplicationLifetime lifetime) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (httpContext.RequestAborted.IsCancellationRequested && exception is OperationCanceledException or IOException)
        {
            // The client went away (a cancelled upload, a closed tab): nothing failed here and nobody is listening.
            LogClientAborted(logger, httpContext.TraceIdentifier);
            httpContext.Response.StatusCode = StatusCodes.Status499ClientClosedRequest;
            return true;
        }

        if (httpContext.Response.HasStarted)
        {
            return false;
        }

        if (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            // Whatever broke while the service stops (a disposed service, a closed connection) is not the caller's
            // fault nor a bug worth a 500: retry elsewhere.
            LogFailedWhileStopping(logger, httpContext.TraceIdentifier);
            await Shutdown.Refuse(httpContext);
            return true;
        }

        if (exception is BadHttpRequestException bad)
        {
            LogRejected(logger, bad.StatusCode, httpContext.TraceIdentifier);
            await Errors.WriteProblemAsync(httpContext, bad.StatusCode, DetailFor(bad.StatusCode));
            return true;
        }

        // The type and stack say where it broke; the message is left out because it may quote contract text.
        LogFailed(logger, exception.GetType().FullName, exception.StackTrace, httpContext.TraceIdentifier);
        await Errors.WriteProblemAsync(httpContext, StatusCodes.Status500InternalServerError,
            "The server failed to process the request. Quote the trace id when reporting it.");
        return true;
    }

    private static string DetailFor(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "The request body is missing or is not JSON of the expected shape.",
        StatusCodes.Status413PayloadTooLarge => "The request body is larger than the limit (WordRedline:Limits:MaxRequestBytes).",
        StatusCodes.Status415UnsupportedMediaType => Errors.UnsupportedMediaType,
        _ => "The request could not be read.",
    };

    [LoggerMessage(Level = LogLevel.Debug, Message = "Rejected a request that could not be read: {StatusCode} (trace {TraceId})")]
    private static partial void LogRejected(ILogger logger, int statusCode, string traceId);

    [LoggerMessage(Level = LogLevel.Information, Message = "The client closed the request before it was answered (trace {TraceId})")]
    private static partial void LogClientAborted(ILogger logger, string traceId);

    [LoggerMessage(Level = LogLevel.Information, Message = "A request failed while the service was stopping; answered 503 (trace {TraceId})")]
    private static partial void LogFailedWhileStopping(ILogger logger, string traceId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Request failed with {ExceptionType} (trace {TraceId}) at {StackTrace}")]
    private static partial void LogFailed(ILogger logger, string? exceptionType, string? stackTrace, string traceId);
}

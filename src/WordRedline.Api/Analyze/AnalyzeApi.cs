using System.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using WordRedline.Api.Hosting;
using WordRedline.Core;

namespace WordRedline.Api.Analyze;

internal static class AnalyzeApi
{
    public static RouteGroupBuilder MapAnalyzeApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/api/v1", "Analyze");
        group.MapPost("/analyze", Analyze)
            .WithValidation<AnalyzeRequest>()
            .WithJsonBodyErrors()
            .WithSummary("Find the clauses that give away rights in the protected party's work, and propose protective edits");
        return group;
    }

    internal static Ok<AnalyzeResponse> Analyze(AnalyzeRequest request, ClauseEngine engine, AnalyzeTelemetry telemetry)
    {
        var start = Stopwatch.GetTimestamp();
        var response = engine.Analyze(request);
        telemetry.Analyzed(request, response, Stopwatch.GetElapsedTime(start));
        return TypedResults.Ok(response);
    }
}

using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using WordRedline.Api.Hosting;
using WordRedline.Core;
using WordRedline.Docx;

namespace WordRedline.Api.Redline;

/// <summary>The .docx endpoints: upload a Word document, get it back redlined, or get its analysis.</summary>
internal static class RedlineApi
{
    public const string DocxContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static RouteGroupBuilder MapRedlineApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/api/v1", "Redline");
        group.MapPost("/redline", Redline)
            .WithDocxWork()
            .WithMultipartForm<RedlineForm>()
            .AddEndpointFilter<DocxUploadFilter>()
            .WithValidation<RedlineForm>()
            .Produces<IFormFile>(StatusCodes.Status200OK, DocxContentType)
            .WithSummary("Redline an uploaded .docx: protective edits as Word tracked changes, each with a comment; the " +
                "counts are in the X-WordRedline-* response headers");
        group.MapPost("/analyze/docx", AnalyzeDocx)
            .WithDocxWork()
            .WithMultipartForm<AnalyzeDocxForm>()
            .AddEndpointFilter<DocxUploadFilter>()
            .WithValidation<AnalyzeDocxForm>()
            .WithSummary("Find the risky clauses of an uploaded .docx (the same answer as /api/v1/analyze)");
        return group;
    }

    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Redline(RedlineForm form, ClauseEngine engine,
        IOptions<LimitsOptions> limits, ILogger<RedlineLog> logger, DocxThreads threads, HttpContext context)
    {
        var start = Stopwatch.GetTimestamp();
        var options = new RedlineOptions
        {
            Author = form.Author ?? new RedlineOptions().Author,
            Comments = form.WithComments,
            RiskComments = form.WithRiskComments,
            TimeProvider = context.RequestServices.GetService<TimeProvider>() ?? TimeProvider.System,
            Limits = DocxLimitsFrom(limits.Value),
        };
        RedlineResult result;
        try
        {
            result = await threads.RunAsync(() =>
            {
                using var input = form.File!.OpenReadStream();
                return DocxRedliner.AnalyzeAndRedline(input, engine, new RedlineRequest(form.Party, form.Playbook, form.WithAddendum), options);
            }, context.RequestAborted);
        }
        catch (DocxRejectedException rejected)
        {
            return Refused(rejected, logger);
        }

        var elapsedMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        var analysis = result.Analysis;
        var headers = context.Response.Headers;
        headers["X-WordRedline-Applied"] = Count(result.Applied.Count);
        headers["X-WordRedline-Skipped"] = Count(result.Skipped.Count);
        headers["X-WordRedline-Flagged"] = Count(result.Flagged.Count);
        var findings = analysis.Findings.Count + analysis.DocumentFindings.Count;
        headers["X-WordRedline-Findings"] = Count(findings);
        headers["X-WordRedline-Score"] = Count(analysis.Score);
        headers["X-WordRedline-Grade"] = analysis.Grade;
        RedlineLog.Redlined(logger, form.File!.Length, result.Docx.Length, findings, result.Applied.Count,
            result.Skipped.Count, analysis.Score, elapsedMs);
        // Set here rather than as the result's download name, which the framework logs, and a file name can name a party.
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName($"{BaseName(form.File!.FileName)}.redlined.docx");
        headers.ContentDisposition = disposition.ToString();
        return TypedResults.File(result.Docx, DocxContentType);
    }

    internal static async Task<Results<Ok<AnalyzeResponse>, ProblemHttpResult>> AnalyzeDocx(AnalyzeDocxForm form, ClauseEngine engine,
        IOptions<LimitsOptions> limits, AnalyzeTelemetry telemetry, ILogger<RedlineLog> logger, DocxThreads threads, HttpContext context)
    {
        var start = Stopwatch.GetTimestamp();
        AnalyzeRequest request;
        AnalyzeResponse response;
        try
        {
            (request, response) = await threads.RunAsync(() =>
            {
                using var input = form.File!.OpenReadStream();
                var analyzed = DocxReader.Read(input, DocxLimitsFrom(limits.Value)).ToAnalyzeRequest(form.Party, form.Playbook);
                return (analyzed, engine.Analyze(analyzed));
            }, context.RequestAborted);
        }
        catch (DocxRejectedException rejected)
        {
            return Refused(rejected, logger);
        }

        telemetry.Analyzed(request, response, Stopwatch.GetElapsedTime(start));
        return TypedResults.Ok(response);
    }

    /// <summary>The status for each way a file can be refused: too big 413, the wrong kind of file 415, a damaged or
    /// hostile Word file 400. The message is written for the user and never quotes the document.</summary>
    internal static int StatusFor(DocxRejection reason) => reason switch
    {
        DocxRejection.TooLarge => StatusCodes.Status413PayloadTooLarge,
        DocxRejection.NotZip or DocxRejection.Encrypted or DocxRejection.LegacyDoc or DocxRejection.MacroEnabled
            or DocxRejection.Template or DocxRejection.NotWordDocument => StatusCodes.Status415UnsupportedMediaType,
        _ => StatusCodes.Status400BadRequest,
    };

    internal static ProblemHttpResult Refused(DocxRejectedException rejected, ILogger<RedlineLog> logger)
    {
        var status = StatusFor(rejected.Reason);
        RedlineLog.Refused(logger, rejected.Code, status);
        return TypedResults.Problem(rejected.Message, statusCode: status,
            extensions: new Dictionary<string, object?> { ["code"] = rejected.Code });
    }

    /// <summary>The upload limit also caps the file, and the document's paragraphs obey the analyze limit.</summary>
    private static DocxLimits DocxLimitsFrom(LimitsOptions limits) =>
        DocxLimits.Default with { MaxFileBytes = limits.MaxUploadBytes, MaxParagraphs = limits.MaxParagraphs };

    /// <summary>The upload's name without folders or extension, kept to characters safe in a file name.</summary>
    internal static string BaseName(string fileName)
    {
        var name = fileName[(fileName.LastIndexOfAny(['/', '\\']) + 1)..];
        if (name.EndsWith(".docx", StringComparison.OrdinalIgnoreCase))
        {
            name = name[..^".docx".Length];
        }

        var safe = new string([.. name.Select(c => char.IsControl(c) || c is '"' or ':' or '*' or '?' or '<' or '>' or '|' ? '_' : c)]).Trim(' ', '.');
        return safe.Length == 0 ? "document" : safe[..Math.Min(safe.Length, 100)];
    }

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>What the .docx endpoints did, as counts and codes; never a file name, a field or the document's text.</summary>
internal sealed partial class RedlineLog
{
    [LoggerMessage(Level = LogLevel.Information,
        Message = "Redlined a {InputBytes}-byte .docx into {OutputBytes} bytes in {ElapsedMs:0.00} ms: {FindingCount} findings, {AppliedCount} applied, {SkippedCount} skipped, score {Score}")]
    public static partial void Redlined(ILogger logger, long inputBytes, int outputBytes, int findingCount, int appliedCount,
        int skippedCount, int score, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused a .docx upload: {Code} ({StatusCode})")]
    public static partial void Refused(ILogger logger, string code, int statusCode);
}

using System.Diagnostics;
using System.Diagnostics.Metrics;
using WordRedline.Core;

namespace WordRedline.Api.Hosting;

/// <summary>Logs and metrics of the work itself. Contract text is confidential: only counts, durations and ids are
/// recorded, never a paragraph, a quote, a party name or a request body.</summary>
internal static class Telemetry
{
    public static void AddWordRedlineTelemetry(this WebApplicationBuilder builder) =>
        builder.Services.AddSingleton<AnalyzeTelemetry>();
}

/// <summary>What one analysis did, as counts: a log line and the <c>WordRedline.Api</c> meter's instruments.</summary>
internal sealed partial class AnalyzeTelemetry
{
    public const string MeterName = "WordRedline.Api";

    private readonly ILogger<AnalyzeTelemetry> logger;
    private readonly Histogram<double> duration;
    private readonly Histogram<int> paragraphs;
    private readonly Histogram<int> findings;

    public AnalyzeTelemetry(ILogger<AnalyzeTelemetry> logger, IMeterFactory meters)
    {
        this.logger = logger;
        var meter = meters.Create(MeterName);
        duration = meter.CreateHistogram<double>("wordredline.analyze.duration", "s", "Time the engine spent on one document.");
        paragraphs = meter.CreateHistogram<int>("wordredline.analyze.paragraphs", "{paragraph}", "Paragraphs per analyzed document.");
        findings = meter.CreateHistogram<int>("wordredline.analyze.findings", "{finding}", "Findings per analyzed document.");
    }

    public void Analyzed(AnalyzeRequest request, AnalyzeResponse response, TimeSpan elapsed)
    {
        var characters = 0L;
        foreach (var paragraph in request.Paragraphs)
        {
            characters += paragraph.Text.Length;
        }

        var findingCount = response.Findings.Count + response.DocumentFindings.Count;
        duration.Record(elapsed.TotalSeconds);
        paragraphs.Record(request.Paragraphs.Count);
        findings.Record(findingCount);
        LogAnalyzed(logger, request.Paragraphs.Count, characters, elapsed.TotalMilliseconds, response.Findings.Count,
            response.DocumentFindings.Count, response.Score);
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Analyzed {ParagraphCount} paragraphs ({CharacterCount} characters) in {ElapsedMs:0.00} ms: {FindingCount} findings, {DocumentFindingCount} document findings, score {Score}")]
    private static partial void LogAnalyzed(ILogger logger, int paragraphCount, long characterCount, double elapsedMs,
        int findingCount, int documentFindingCount, int score);
}

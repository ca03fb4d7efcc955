using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace WordRedline.Benchmarks;

/// <summary>One short job for a 2-core machine shared with other builds.</summary>
internal static class BenchConfig
{
    // In process: the default toolchain would build a second Release copy of Core and Docx while other people build
    // in the same checkout, and the corpus is found from the working directory the runner was started in.
    public static IConfig Short(int iterations = 8) => DefaultConfig.Instance
        .AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(iterations)
            .WithId("Short"))
        .AddDiagnoser(MemoryDiagnoser.Default)
        .WithSummaryStyle(SummaryStyle.Default.WithRatioStyle(BenchmarkDotNet.Columns.RatioStyle.Value));

    /// <summary>The report of one benchmark method (and, when given, one parameter value) in a summary.</summary>
    public static BenchmarkReport Report(Summary summary, string method, string? parameter = null) =>
        summary.Reports.Single(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == method
            && (parameter is null || r.BenchmarkCase.Parameters.PrintInfo.Contains(parameter, StringComparison.Ordinal)));

    /// <summary>Mean time per operation in milliseconds; fails loudly when the benchmark did not run.</summary>
    public static double MeanMs(BenchmarkReport report) =>
        (report.ResultStatistics ?? throw new InvalidOperationException($"{report.BenchmarkCase.DisplayInfo} produced no result.")).Mean / 1e6;

    /// <summary>Bytes allocated per operation, or -1 when the memory diagnoser could not tell.</summary>
    public static long AllocatedBytes(BenchmarkReport report) =>
        report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) ?? -1;
}

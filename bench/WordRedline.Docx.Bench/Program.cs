using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using WordRedline.Docx;
using WordRedline.Docx.Bench;

// dotnet run -c Release --project bench/WordRedline.Docx.Bench [-- --quick | --min]
// The last line is the ratio the issue asks for: analyze + redline over open + parse + save of the same file.
// --min: the fastest of 60 calls of each, alternating, for a machine others share (a mean there measures them too).
var bench = new DocxBenchmarks();
bench.Setup();
Describe(bench);
if (args.Contains("--quick"))
{
    var floor = Time(bench.OpenParseSave, 20);
    var redline = Time(() => bench.AnalyzeAndRedline(), 20);
    var read = Time(() => bench.Read(), 20);
    Print(floor, redline, read, "Stopwatch, 20 calls each after warm-up");
    return 0;
}

if (args.Contains("--min"))
{
    var (floor, redline, read) = Fastest(bench, 60);
    Print(floor, redline, read, "Stopwatch, fastest of 60 alternating calls each after warm-up", "fastest");
    return 0;
}

// In process: the default toolchain would build a second Release copy of the projects while other people build in
// the same checkout.
var config = DefaultConfig.Instance
    .AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(10).WithId("Short"))
    .AddDiagnoser(MemoryDiagnoser.Default);
var summary = BenchmarkRunner.Run<DocxBenchmarks>(config);
Print(Mean(summary, nameof(DocxBenchmarks.OpenParseSave)), Mean(summary, nameof(DocxBenchmarks.AnalyzeAndRedline)),
    Mean(summary, nameof(DocxBenchmarks.Read)), "BenchmarkDotNet means");
return 0;

static void Describe(DocxBenchmarks bench)
{
    var document = DocxReader.Read(new MemoryStream(bench.Contract));
    var result = DocxRedliner.AnalyzeAndRedline(new MemoryStream(bench.Contract), bench.Engine, new RedlineRequest(Addendum: true));
    var words = document.Paragraphs.Sum(p => p.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"contract: {document.Paragraphs.Count} paragraphs, {words} words, {bench.Contract.Length / 1024.0:F0} KB .docx; {result.Analysis.Findings.Count} findings, {result.Applied.Count} suggestions applied, {result.Skipped.Count} skipped, output {result.Docx.Length / 1024.0:F0} KB"));
}

static double Time(Func<object> action, int calls, bool warmUp = true)
{
    for (var i = 0; warmUp && i < 3; i++)
    {
        action();
    }

    var clock = Stopwatch.StartNew();
    for (var i = 0; i < calls; i++)
    {
        action();
    }

    return clock.Elapsed.TotalMilliseconds / calls;
}

static (double Floor, double Redline, double Read) Fastest(DocxBenchmarks bench, int calls)
{
    for (var i = 0; i < 30; i++)
    {
        bench.OpenParseSave();
        bench.AnalyzeAndRedline();
        bench.Read();
    }

    double floor = double.MaxValue, redline = double.MaxValue, read = double.MaxValue;
    for (var i = 0; i < calls; i++)
    {
        floor = Math.Min(floor, Time(bench.OpenParseSave, 1, warmUp: false));
        redline = Math.Min(redline, Time(() => bench.AnalyzeAndRedline(), 1, warmUp: false));
        read = Math.Min(read, Time(() => bench.Read(), 1, warmUp: false));
    }

    return (floor, redline, read);
}

static double Mean(Summary summary, string method)
{
    var report = summary.Reports.Single(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == method);
    return (report.ResultStatistics ?? throw new InvalidOperationException($"{method} produced no result.")).Mean / 1e6;
}

static void Print(double floor, double redline, double read, string how, string statistic = "mean")
{
    Console.WriteLine($"({how})");
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"open+parse+save    {statistic} = {floor:F1} ms"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"read (reader only) {statistic} = {read:F1} ms"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"analyze+redline    {statistic} = {redline:F1} ms"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio redline/open+save = {redline / floor:F2}"));
}

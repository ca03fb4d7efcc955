using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using BenchmarkDotNet.Running;
using WordRedline.Benchmarks;
using WordRedline.Core;

// One argument per benchmark set, so more (a .docx one) can be added beside these.
var quick = args.Contains("--quick");
return args.FirstOrDefault() switch
{
    "engine" when quick => EngineQuick(),
    "engine" => Engine(),
    "engine-parts" when quick => PartsQuick(args.Skip(1).Where(a => a != "--quick").ToArray()),
    "engine-parts" => Parts(args.Skip(1).ToArray()),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage: dotnet run -c Release --project bench/WordRedline.Benchmarks -- SET [--quick]
          engine            analyze vs. deserialize of a 1,000-paragraph, 60,000-word contract; last line is the ratio
          engine --quick    50 analyze calls timed with a Stopwatch (a sanity figure, not a benchmark)
          engine-parts      analyze over hostile and split inputs at full and quarter size (more arguments go to BenchmarkDotNet)
          engine-parts --quick [CASE...]  the same with a Stopwatch, one line per case
        """);
    return 2;
}

static int Engine()
{
    Console.WriteLine($"text: {ContractText.Source}");
    var summary = BenchmarkRunner.Run<EngineBenchmarks>(BenchConfig.Short());
    var analyze = BenchConfig.Report(summary, nameof(EngineBenchmarks.Analyze));
    var deserialize = BenchConfig.Report(summary, nameof(EngineBenchmarks.Deserialize));
    var request = ContractText.Request(ContractText.Build(ContractText.Pool));
    var json = JsonSerializer.SerializeToUtf8Bytes(request, WordRedlineJson.Default.AnalyzeRequest);
    Console.WriteLine($"contract: {request.Paragraphs.Count} paragraphs, {request.Paragraphs.Sum(p => ContractText.CountWords(p.Text))} words, request JSON {json.Length} bytes");
    Console.WriteLine(Invariant($"analyze     mean = {BenchConfig.MeanMs(analyze):F3} ms, allocated = {BenchConfig.AllocatedBytes(analyze) / 1024.0:F1} KB/op"));
    Console.WriteLine(Invariant($"deserialize mean = {BenchConfig.MeanMs(deserialize):F3} ms, allocated = {BenchConfig.AllocatedBytes(deserialize) / 1024.0:F1} KB/op"));
    Console.WriteLine(Invariant($"ratio analyze/deserialize = {BenchConfig.MeanMs(analyze) / BenchConfig.MeanMs(deserialize):F2}"));
    return 0;
}

static int EngineQuick()
{
    const int Calls = 50;
    var bench = new EngineBenchmarks();
    bench.Setup();

    var allocated = GC.GetAllocatedBytesForCurrentThread();
    var clock = Stopwatch.StartNew();
    for (var i = 0; i < Calls; i++)
    {
        bench.Analyze();
    }

    clock.Stop();
    allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
    var words = bench.Request.Paragraphs.Sum(p => ContractText.CountWords(p.Text));
    Console.WriteLine($"text: {ContractText.Source}");
    Console.WriteLine(Invariant($"info: {clock.Elapsed.TotalMilliseconds / Calls:F2} ms and {allocated / Calls / 1024.0:F0} KB per analyze of a {bench.Request.Paragraphs.Count}-paragraph, {words}-word contract ({Calls} calls, Stopwatch)"));
    return 0;
}

static int Parts(string[] bdnArgs)
{
    Console.WriteLine($"text: {ContractText.Source}");
    var summary = BenchmarkSwitcher.FromTypes([typeof(EnginePartsBenchmarks)]).RunAll(BenchConfig.Short(iterations: 5), bdnArgs);
    Console.WriteLine($"{"case",-20} {"quarter ms",11} {"full ms",10} {"growth",7} {"MB/op",8}   (linear growth is about 4)");
    var reports = summary.SelectMany(s => s.Reports).ToList();
    foreach (var name in EngineParts.Cases)
    {
        var quarter = reports.SingleOrDefault(r => Is(r, name, 4));
        var full = reports.SingleOrDefault(r => Is(r, name, 1));
        if (quarter?.ResultStatistics is null || full?.ResultStatistics is null)
        {
            continue;
        }

        var (q, f) = (BenchConfig.MeanMs(quarter), BenchConfig.MeanMs(full));
        Console.WriteLine(Invariant($"{name,-20} {q,11:F2} {f,10:F2} {f / q,7:F1} {BenchConfig.AllocatedBytes(full) / 1048576.0,8:F1}"));
    }

    return 0;

    static bool Is(BenchmarkDotNet.Reports.BenchmarkReport report, string name, int divisor) =>
        report.BenchmarkCase.Parameters["Case"] as string == name && report.BenchmarkCase.Parameters["Divisor"] is int d && d == divisor;
}

/// <summary>Each case at a quarter and at full size; a linear engine shows growth near 4.</summary>
static int PartsQuick(string[] only)
{
    var engine = ClauseEngine.CreateDefault();
    var triggers = EngineParts.Triggers(engine);

    // Until the JIT has promoted the engine's loops to optimised code, the first cases would look slower than they are.
    EngineBenchmarks.WarmUp(engine, EngineParts.Build(EngineParts.Contract, triggers));

    Console.WriteLine($"text: {ContractText.Source}");
    Console.WriteLine($"{"case",-20} {"chars",10} {"quarter ms",11} {"full ms",10} {"growth",7} {"MB/op",8}  findings");
    foreach (var name in only.Length > 0 ? only : EngineParts.Cases)
    {
        var quarter = Time(engine, EngineParts.Build(name, triggers, divisor: 4));
        var full = Time(engine, EngineParts.Build(name, triggers));
        Console.WriteLine(Invariant($"{name,-20} {full.Characters,10} {quarter.Ms,11:F2} {full.Ms,10:F2} {full.Ms / quarter.Ms,7:F1} {full.Bytes / 1048576.0,8:F1}  {full.Outcome}"));
    }

    return 0;
}

// The best of a few calls after one warm-up: on a shared machine the minimum is the figure least disturbed by other
// work, enough to tell linear from quadratic; it is not a benchmark.
static (double Ms, long Bytes, long Characters, string Outcome) Time(ClauseEngine engine, AnalyzeRequest request)
{
    string outcome;
    try
    {
        outcome = $"{engine.Analyze(request).Findings.Count}";
    }
    catch (Exception e)
    {
        // An exception escaping the engine is itself a finding (issue 2, item 10).
        return (double.NaN, 0, EngineParts.Characters(request), $"THROWS {e.GetType().Name}: {e.Message}");
    }

    List<double> times = [];
    long bytes = 0;
    var budget = Stopwatch.StartNew();
    while (times.Count < 3 || (times.Count < 15 && budget.ElapsedMilliseconds < 2_000))
    {
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        engine.Analyze(request);
        times.Add(clock.Elapsed.TotalMilliseconds);
        bytes = GC.GetAllocatedBytesForCurrentThread() - allocated;
    }

    return (times.Min(), bytes, EngineParts.Characters(request), outcome);
}

static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

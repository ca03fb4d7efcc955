using BenchmarkDotNet.Attributes;
using WordRedline.Core;

namespace WordRedline.Benchmarks;

/// <summary>Analyze over the cases of <see cref="EngineParts"/>, at full size and at a quarter of it.</summary>
// Public and not sealed: BenchmarkDotNet derives its runner from the class.
public class EnginePartsBenchmarks
{
    private ClauseEngine engine = null!;
    private AnalyzeRequest request = null!;

    [ParamsSource(nameof(Cases))]
    public string Case { get; set; } = EngineParts.Contract;

    /// <summary>1 is the full size, 4 a quarter: linear cost grows about 4x between them.</summary>
    [Params(4, 1)]
    public int Divisor { get; set; } = 1;

    public static IEnumerable<string> Cases => EngineParts.Cases;

    [GlobalSetup]
    public void Setup()
    {
        engine = ClauseEngine.CreateDefault();
        request = EngineParts.Build(Case, EngineParts.Triggers(engine), Divisor);

        // Tier-1 code for the engine's hot methods before measuring (see EngineBenchmarks), on the contract, so a 4 MB
        // case does not take a minute to warm.
        EngineBenchmarks.WarmUp(engine, EngineParts.Build(EngineParts.Contract, EngineParts.Triggers(engine)));
    }

    [Benchmark]
    public AnalyzeResponse Analyze() => engine.Analyze(request);
}

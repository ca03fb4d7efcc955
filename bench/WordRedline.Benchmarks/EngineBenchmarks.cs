using System.Diagnostics;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using WordRedline.Core;

namespace WordRedline.Benchmarks;

/// <summary>Issue 2, item 9: analyzing a 1,000-paragraph, 60,000-word contract must cost no more than 3x
/// deserializing its own request.</summary>
// Public and not sealed: BenchmarkDotNet derives its runner from the class.
public class EngineBenchmarks
{
    private ClauseEngine engine = null!;
    private AnalyzeRequest request = null!;
    private byte[] requestJson = null!;

    [GlobalSetup]
    public void Setup()
    {
        engine = ClauseEngine.CreateDefault();
        request = ContractText.Request(ContractText.Build(ContractText.Pool));

        // UTF-8 bytes, as the API reads them off the wire.
        requestJson = JsonSerializer.SerializeToUtf8Bytes(request, WordRedlineJson.Default.AnalyzeRequest);

        // Both sides equally warm: the deserializer is tiered code too.
        WarmUp(engine, request);
        var clock = Stopwatch.StartNew();
        while (clock.ElapsedMilliseconds < 2_000)
        {
            Deserialize();
        }
    }

    /// <summary>Calls analyze until the runtime has had time to promote the engine's hot methods to optimised (tier 1)
    /// code: promotion takes 30 calls and then a background compilation after a short delay, so a fast analysis can
    /// run a hundred times unoptimised. Measured here: 120 quick calls left the next ones 4x slow; two seconds does not.</summary>
    internal static void WarmUp(ClauseEngine engine, AnalyzeRequest request)
    {
        var clock = Stopwatch.StartNew();
        for (var calls = 0; calls < 40 || clock.ElapsedMilliseconds < 2_000; calls++)
        {
            engine.Analyze(request);
        }
    }

    [Benchmark]
    public AnalyzeResponse Analyze() => engine.Analyze(request);

    [Benchmark(Baseline = true)]
    public AnalyzeRequest? Deserialize() => JsonSerializer.Deserialize(requestJson, WordRedlineJson.Default.AnalyzeRequest);

    internal AnalyzeRequest Request => request;
}

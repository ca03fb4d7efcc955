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

        // At 1 operation per iteration BenchmarkDotNet calls Analyze only about a dozen times, and the runtime promotes a
        // method to optimised (tier 1) code after 30 calls: without this the first iterations measure unoptimised code.
        for (var i = 0; i < WarmUpCalls; i++)
        {
            engine.Analyze(request);
        }
    }

    internal const int WarmUpCalls = 40;

    [Benchmark]
    public AnalyzeResponse Analyze() => engine.Analyze(request);

    [Benchmark(Baseline = true)]
    public AnalyzeRequest? Deserialize() => JsonSerializer.Deserialize(requestJson, WordRedlineJson.Default.AnalyzeRequest);

    internal AnalyzeRequest Request => request;
}

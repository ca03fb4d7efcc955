using System.Text.Json;
using System.Text.Json.Serialization;

namespace WordRedline.Core;

/// <summary>Source-generated System.Text.Json metadata for the contract: camelCase, no reflection, shared by the
/// API, the CLI and the benchmarks so all three read and write exactly the same JSON.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = false)]
[JsonSerializable(typeof(AnalyzeRequest))]
[JsonSerializable(typeof(AnalyzeResponse))]
[JsonSerializable(typeof(IReadOnlyList<SuggestedParagraph>))]
public sealed partial class WordRedlineJson : JsonSerializerContext;

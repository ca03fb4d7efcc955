using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace WordRedline.Core;

/// <summary>Source-generated System.Text.Json metadata for the contract: camelCase, no reflection, shared by the
/// API, the CLI and the benchmarks so all three read and write exactly the same JSON.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = false)]
[JsonSerializable(typeof(AnalyzeRequest))]
[JsonSerializable(typeof(AnalyzeResponse))]
[JsonSerializable(typeof(IReadOnlyList<SuggestedParagraph>))]
public sealed partial class WordRedlineJson : JsonSerializerContext
{
    /// <summary>The JSON exactly as the API writes it: ASP.NET Core's web defaults escape HTML-sensitive characters
    /// relaxedly ("Client's", not "Client\u0027s"), so the CLI's --format json matches the API byte for byte.</summary>
    public static WordRedlineJson Wire { get; } = new(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}

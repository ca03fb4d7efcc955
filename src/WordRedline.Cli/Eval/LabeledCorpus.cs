using System.Text.Json;
using System.Text.Json.Serialization;
using WordRedline.Cli.Input;

namespace WordRedline.Cli.Eval;

/// <summary>A labeled corpus laid out like shared/corpus/dev: DIR/*.txt (first line SOURCE, then one paragraph per
/// non-empty line) and DIR/labels/NN.jsonl (a header line, then one line per labeled paragraph).</summary>
internal static class LabeledCorpus
{
    public static List<LabeledDocument> Load(string directory)
    {
        var labels = Path.Combine(directory, "labels");
        if (!Directory.Exists(directory))
        {
            throw new CliException($"{directory}: directory not found");
        }

        if (!Directory.Exists(labels))
        {
            throw new CliException($"{directory}: has no labels/ folder (see the corpus README for the layout)");
        }

        var documents = new List<LabeledDocument>();
        foreach (var file in Directory.GetFiles(labels, "*.jsonl").Order(StringComparer.Ordinal))
        {
            documents.Add(LoadOne(directory, file));
        }

        if (documents.Count == 0)
        {
            throw new CliException($"{labels}: no .jsonl label files");
        }

        return documents;
    }

    private static LabeledDocument LoadOne(string directory, string labelFile)
    {
        var lines = File.ReadAllLines(labelFile).Where(l => l.Trim().Length > 0).ToList();
        if (lines.Count == 0)
        {
            throw new CliException($"{labelFile}: empty label file");
        }

        var header = Parse(labelFile, 1, lines[0], EvalJson.Default.LabelHeader);
        if (string.IsNullOrEmpty(header.Doc))
        {
            throw new CliException($"{labelFile}: line 1 must be the header with \"doc\"");
        }

        var textFile = Path.Combine(directory, header.Doc);
        var text = File.Exists(textFile) ? File.ReadAllText(textFile) : throw new CliException($"{labelFile}: names {header.Doc}, which is not in {directory}");

        // Paragraph i is the i-th non-empty line after the SOURCE line.
        var firstBreak = text.IndexOf('\n', StringComparison.Ordinal);
        var body = firstBreak < 0 ? "" : text[(firstBreak + 1)..];
        var paragraphs = DocumentLoader.SplitParagraphs(body).ToList();

        var labels = new Dictionary<int, ParagraphLabel>();
        for (var i = 1; i < lines.Count; i++)
        {
            var label = Parse(labelFile, i + 1, lines[i], EvalJson.Default.ParagraphLabel);
            if (label.P < 0 || label.P >= paragraphs.Count)
            {
                throw new CliException($"{labelFile}: line {i + 1} labels paragraph {label.P}, but {header.Doc} has {paragraphs.Count}");
            }

            labels[label.P] = label;
        }

        return new LabeledDocument(header.Doc, header.ProtectedParty ?? "", paragraphs, labels);
    }

    private static T Parse<T>(string file, int line, string json, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
    {
        try
        {
            return JsonSerializer.Deserialize(json, type) ?? throw new CliException($"{file}: line {line} is null");
        }
        catch (JsonException e)
        {
            throw new CliException($"{file}: line {line} is not valid JSON ({e.Message})");
        }
    }
}

internal sealed record LabeledDocument(string Name, string ProtectedParty, List<string> Paragraphs, Dictionary<int, ParagraphLabel> Labels);

internal sealed record LabelHeader
{
    public string? Doc { get; init; }

    [JsonPropertyName("protected_party")]
    public string? ProtectedParty { get; init; }
}

internal sealed record ParagraphLabel
{
    public int P { get; init; }
    public List<string> Cats { get; init; } = [];
    public List<string> Unsure { get; init; } = [];
    public string? Quote { get; init; }
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(LabelHeader))]
[JsonSerializable(typeof(ParagraphLabel))]
internal sealed partial class EvalJson : JsonSerializerContext;

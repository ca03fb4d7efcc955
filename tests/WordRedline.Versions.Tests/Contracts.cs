namespace WordRedline.Versions.Tests;

/// <summary>The sample contract (samples/agency-design-contract.txt) and the versions a negotiation makes of it.</summary>
internal static class Contracts
{
    public static readonly ClauseEngine Engine = ClauseEngine.CreateDefault();

    public static IReadOnlyList<string> Sample { get; } =
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Samples", "agency-design-contract.txt"))
            .Select(line => line.Trim()).Where(line => line.Length > 0).ToList();

    public static VersionInput Input(IReadOnlyList<string> paragraphs, string source = "api", IReadOnlyList<ChangeDecision>? decisions = null) => new()
    {
        Paragraphs = paragraphs.Select((text, i) => new ParagraphInput($"p{i}", text)).ToList(),
        Source = source,
        Decisions = decisions ?? [],
    };

    /// <summary>What Accept all does to the document: every finding's edits applied, and the engine's insertions
    /// (the AI-training carve-out after the grant) added as paragraphs.</summary>
    public static List<string> AcceptAll(IReadOnlyList<string> paragraphs)
    {
        var analysis = Engine.Analyze(new AnalyzeRequest { Paragraphs = Input(paragraphs).Paragraphs });
        var result = new List<string>();
        for (var i = 0; i < paragraphs.Count; i++)
        {
            var id = $"p{i}";
            var text = paragraphs[i];
            foreach (var edit in analysis.Findings.Where(f => f.ParagraphId == id).SelectMany(f => f.Edits).OrderByDescending(e => e.Start))
            {
                text = text[..edit.Start] + edit.Replacement + text[(edit.Start + edit.Length)..];
            }

            result.Add(text);
            foreach (var insertion in analysis.DocumentFindings.Where(d => d.InsertAfterParagraphId == id))
            {
                result.AddRange(insertion.Paragraphs.Select(p => p.Text));
            }
        }

        return result;
    }

    /// <summary>The decisions the pane sends after Accept all on <paramref name="paragraphs"/>.</summary>
    public static List<ChangeDecision> AcceptedDecisions(IReadOnlyList<string> paragraphs)
    {
        var analysis = Engine.Analyze(new AnalyzeRequest { Paragraphs = Input(paragraphs).Paragraphs });
        return analysis.Findings.Where(f => f.Edits.Count > 0).Select(f => new ChangeDecision
        {
            RuleId = f.RuleId,
            ParagraphId = f.ParagraphId,
            Status = RecordChange.Accepted,
            Title = f.Title,
            Comment = f.Comment,
            Wording = string.Join(" ", f.Edits.Select(e => e.Replacement.Trim())),
        }).ToList();
    }
}

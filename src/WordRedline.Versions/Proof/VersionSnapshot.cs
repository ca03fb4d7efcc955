using WordRedline.Core;

namespace WordRedline.Versions;

/// <summary>What the user sends to record a version: the document's paragraphs and what was done with the
/// suggestions. The engine runs on the paragraphs here, so the score, findings and protections in the record are
/// the engine's, not the caller's.</summary>
public sealed record VersionInput
{
    public required IReadOnlyList<ParagraphInput> Paragraphs { get; init; }

    /// <summary>The side the user represents; detected when absent.</summary>
    public string? Party { get; init; }

    public string? Playbook { get; init; }

    /// <summary>"pane", "accept-all", "api" or "cli".</summary>
    public string Source { get; init; } = "api";

    /// <summary>Suggestions the user accepted or rejected since the last version (the pane sends these after Accept
    /// all). Suggestions on this version's text that are not decided are recorded as proposed.</summary>
    public IReadOnlyList<ChangeDecision> Decisions { get; init; } = [];
}

/// <summary>What the user did with one suggestion. Title, comment and wording are the suggestion's own (the pane
/// has them from the analysis it applied); when absent the playbook's title is used.</summary>
public sealed record ChangeDecision
{
    public required string RuleId { get; init; }
    public required string ParagraphId { get; init; }

    /// <summary>"accepted" or "rejected".</summary>
    public required string Status { get; init; }

    public string? Title { get; init; }
    public string? Comment { get; init; }
    public string? Wording { get; init; }
}

/// <summary>Turns one analysis of the paragraphs into the parts of a version record.</summary>
internal static class VersionSnapshot
{
    public static readonly string[] Sources = ["pane", "accept-all", "api", "cli"];

    private static readonly HashSet<Category> GrantCategories =
    [
        Category.LicenseBreadth, Category.UsageScope, Category.IpAssignment, Category.DerivativeWorks,
        Category.MoralRights, Category.AiTraining,
    ];

    private const string CarveOutRule = "ai-protection.no-training";

    public sealed record Parts(
        AnalyzeResponse Analysis,
        ContractFacts Detected,
        RecordDocument Document,
        IReadOnlyList<RecordProtection> Protections,
        IReadOnlyList<RecordFinding> Findings,
        IReadOnlyList<RecordChange> Changes,
        IReadOnlyList<RecordClause> Clauses,
        IReadOnlyList<string> CanonicalParagraphs);

    public static Parts Take(ClauseEngine engine, VersionInput input, bool storeText, Playbook playbook)
    {
        var request = new AnalyzeRequest { Paragraphs = input.Paragraphs, Party = input.Party, Playbook = input.Playbook };
        var analysis = engine.Analyze(request);
        var texts = input.Paragraphs.Select(p => p.Text).ToList();
        var index = input.Paragraphs.Select((p, i) => (p.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var numbers = ClauseNumbers.ParseAll(texts);
        ClauseNumber Number(int i) => numbers[i];
        string? NumberOf(string? paragraphId) =>
            paragraphId is not null && index.TryGetValue(paragraphId, out var i) ? Number(i).Number : null;

        var canonical = DocumentText.Canonical(texts);
        var document = new RecordDocument(DocumentText.Sha256(canonical), DocumentText.WordCount(canonical),
            texts.Count(t => !string.IsNullOrWhiteSpace(t)), storeText);

        var protections = analysis.Protections
            .Select(p => new RecordProtection(p.Key, p.Title, p.Present, p.Present ? NumberOf(p.ParagraphId) : null))
            .ToList();

        var findings = analysis.Findings
            .Select(f => new RecordFinding(f.RuleId, f.Category.Id(), f.Severity.Id(), f.Title,
                NumberOf(f.ParagraphId), index[f.ParagraphId] + 1, f.Mitigated, f.Edits.Count > 0))
            .ToList();

        var changes = Changes(input, analysis, index, Number, playbook);
        var clauses = Clauses(analysis, index, texts, Number);
        var detected = ContractFacts.Read(texts, analysis.Party.Name, analysis.Party.Counterparty);
        var stored = storeText ? texts.Select(DocumentText.Canonical).ToList() : [];
        return new Parts(analysis, detected, document, protections, findings, changes, clauses, stored);
    }

    private static List<RecordChange> Changes(VersionInput input, AnalyzeResponse analysis, Dictionary<string, int> index,
        Func<int, ClauseNumber> number, Playbook playbook)
    {
        var changes = new List<RecordChange>();
        var decided = new HashSet<(string, string)>();
        foreach (var decision in input.Decisions)
        {
            decided.Add((decision.RuleId, decision.ParagraphId));
            int? at = index.TryGetValue(decision.ParagraphId, out var i) ? i : null;
            var clause = at is { } p ? number(p) : null;
            var rule = playbook.Rules.FirstOrDefault(r => r.Id == decision.RuleId);
            changes.Add(new RecordChange(decision.RuleId, decision.Title ?? rule?.Title ?? decision.RuleId, clause?.Number, clause?.Heading,
                at + 1, decision.Status, "edit", decision.Comment ?? "", decision.Wording ?? ""));
        }

        foreach (var finding in analysis.Findings.Where(f => f.Edits.Count > 0 && !decided.Contains((f.RuleId, f.ParagraphId))))
        {
            var at = index[finding.ParagraphId];
            var clause = number(at);
            changes.Add(new RecordChange(finding.RuleId, finding.Title, clause.Number, clause.Heading, at + 1, RecordChange.Proposed,
                "edit", finding.Comment, string.Join(" ", finding.Edits.Select(e => e.Replacement.Trim()))));
        }

        foreach (var insertion in analysis.DocumentFindings.Where(d => !decided.Contains((d.Category.Id(), d.InsertAfterParagraphId))))
        {
            int? at = index.TryGetValue(insertion.InsertAfterParagraphId, out var i) ? i : null;
            var clause = at is { } p ? number(p) : null;
            changes.Add(new RecordChange(insertion.Category.Id(), insertion.Title, clause?.Number, clause?.Heading, at + 1,
                RecordChange.Proposed, "insert-after", insertion.Comment, string.Join(" ", insertion.Paragraphs.Select(s => s.Text))));
        }

        return changes;
    }

    private static List<RecordClause> Clauses(AnalyzeResponse analysis, Dictionary<string, int> index, List<string> texts,
        Func<int, ClauseNumber> number)
    {
        var roles = new SortedDictionary<int, SortedSet<string>>();
        void Add(string? paragraphId, string role)
        {
            if (paragraphId is not null && index.TryGetValue(paragraphId, out var i))
            {
                if (!roles.TryGetValue(i, out var set))
                {
                    roles[i] = set = new SortedSet<string>(StringComparer.Ordinal);
                }

                set.Add(role);
            }
        }

        foreach (var finding in analysis.Findings)
        {
            if (GrantCategories.Contains(finding.Category))
            {
                Add(finding.ParagraphId, RecordClause.GrantRole);
            }
            else if (finding.Category == Category.DataSharing)
            {
                Add(finding.ParagraphId, RecordClause.DataSharingRole);
            }
        }

        // The exact wording that excludes training, where the engine saw some; the addendum's mention otherwise. Of
        // several, one in the clause that grants the licence or assigns the work (a limit on a waiver elsewhere is
        // narrower), and then the shortest paragraph: a letter quoting it cites the exclusion itself, not a whole grant
        // around it.
        var licenceClauses = analysis.Findings
            .Where(f => f.Category is Category.LicenseBreadth or Category.UsageScope or Category.IpAssignment && index.ContainsKey(f.ParagraphId))
            .Select(f => number(index[f.ParagraphId]).Number)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        var carveOut = analysis.Findings
            .Where(f => f.RuleId == CarveOutRule && index.ContainsKey(f.ParagraphId))
            .OrderBy(f => number(index[f.ParagraphId]).Number is { } n && licenceClauses.Contains(n) ? 0 : 1)
            .ThenBy(f => texts[index[f.ParagraphId]].Length)
            .FirstOrDefault()?.ParagraphId
            ?? analysis.Protections.FirstOrDefault(p => p.Key == "ai-training-carve-out" && p.Present)?.ParagraphId;
        Add(carveOut, RecordClause.CarveOutRole);
        foreach (var protection in analysis.Protections.Where(p => p.Present && p.Key != "ai-training-carve-out"))
        {
            Add(protection.ParagraphId, RecordClause.ProtectionRole);
        }

        return roles.Select(pair =>
        {
            var text = DocumentText.Canonical(texts[pair.Key]);
            var clause = number(pair.Key);
            return new RecordClause([.. pair.Value], clause.Number, clause.Heading, pair.Key + 1, text, DocumentText.Sha256(text));
        }).ToList();
    }
}

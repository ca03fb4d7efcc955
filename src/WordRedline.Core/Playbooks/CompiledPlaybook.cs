namespace WordRedline.Core;

/// <summary>A playbook made ready for the engine once, when it is loaded: its lexicon compiled, its term lists as sets,
/// its rules by id. Shared read-only by every analysis.</summary>
internal sealed class CompiledPlaybook
{
    public CompiledPlaybook(Playbook source)
    {
        Source = source;
        Id = source.Id;
        Version = source.Version;
        Lexicon = new Lexicon(source.Lexicon, source.Source);
        Rules = source.Rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
        WorkTermList = source.WorkTerms;
        WorkTerms = new HashSet<string>(source.WorkTerms, StringComparer.OrdinalIgnoreCase);
        PurposeTermList = source.PurposeTerms;
        PurposeTerms = new HashSet<string>(source.PurposeTerms, StringComparer.OrdinalIgnoreCase);
        DeliverableTerms = source.DeliverableTerms;
        SupplierRoles = new HashSet<string>(source.SupplierRoles, StringComparer.OrdinalIgnoreCase);
        RecipientRoles = new HashSet<string>(source.RecipientRoles, StringComparer.OrdinalIgnoreCase);
        Roles = [.. source.SupplierRoles.Concat(source.RecipientRoles).Distinct(StringComparer.OrdinalIgnoreCase)];
        NotParties = new HashSet<string>(source.NotParties, StringComparer.OrdinalIgnoreCase);
        Severities = new Dictionary<Severity, int>
        {
            [Severity.High] = source.Scoring.High,
            [Severity.Medium] = source.Scoring.Medium,
            [Severity.Low] = source.Scoring.Low,
            [Severity.Info] = 0,
        };
    }

    /// <summary>The playbook as loaded (wording, scoring, addendum).</summary>
    public Playbook Source { get; }

    public string Id { get; }

    public int Version { get; }

    public string Label => $"{Id}@{Version}";

    public Lexicon Lexicon { get; }

    public IReadOnlyDictionary<string, PlaybookRule> Rules { get; }

    public IReadOnlyList<string> WorkTermList { get; }

    public HashSet<string> WorkTerms { get; }

    public IReadOnlyList<string> PurposeTermList { get; }

    public HashSet<string> PurposeTerms { get; }

    public IReadOnlyList<string> DeliverableTerms { get; }

    public HashSet<string> SupplierRoles { get; }

    public HashSet<string> RecipientRoles { get; }

    /// <summary>Supplier and recipient roles, in the playbook's order.</summary>
    public IReadOnlyList<string> Roles { get; }

    public HashSet<string> NotParties { get; }

    public IReadOnlyDictionary<Severity, int> Severities { get; }

    public ScoringWeights Scoring => Source.Scoring;

    public AddendumTemplate Addendum => Source.Addendum;

    public SilentFinding Silent => Source.Silent;

    public IReadOnlyList<ProtectionCheck> Protections => Source.Protections;

    /// <summary>The rule an engine rule names; a playbook without it is refused at load (<see cref="PlaybookChecks"/>).</summary>
    public PlaybookRule Rule(string id) => Rules[id];

    public RenderedAddendum RenderAddendum(AddendumTerms terms)
    {
        var addendum = Source.Addendum;
        return new RenderedAddendum(
            [.. addendum.Paragraphs.Select(p => p with { Text = TermText.Fill(p.Text, terms) })],
            TermText.Fill(addendum.Reference, terms));
    }
}

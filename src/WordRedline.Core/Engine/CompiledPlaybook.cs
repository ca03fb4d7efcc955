using System.Text.RegularExpressions;

namespace WordRedline.Core;

/// <summary>A playbook with its patterns compiled once and shared, read-only, by every analysis.</summary>
internal sealed class CompiledPlaybook
{
    // Linear-time matching whatever the input: a contract is untrusted text.
    private const RegexOptions Options = RegexOptions.NonBacktracking | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    public CompiledPlaybook(Playbook source)
    {
        Source = source;
        var vocabulary = new PatternVocabulary(source);
        Rules = [.. source.Rules.Select((rule, index) => new CompiledRule(rule, index, vocabulary))];
        // Direction cues are asked "does any of these match?"; each keeps its own required words, so a sentence runs
        // only the cues it could satisfy.
        Gives = vocabulary.CompileAll(source.Direction.Gives, "direction.gives");
        Receives = vocabulary.CompileAll(source.Direction.Receives, "direction.receives");
        BindsParty = vocabulary.CompileAll(source.Direction.BindsParty, "direction.bindsParty");
        EntireAgreement = vocabulary.CompileAll(source.Addendum.EntireAgreement, "addendum.entireAgreement");
        AddendumAttached = vocabulary.CompileAll(source.Addendum.Attached, "addendum.attached");
        AddendumEnds = vocabulary.CompileAll(source.Addendum.EndsAt, "addendum.endsAt");

        var rulesByTrigger = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
        foreach (var rule in Rules)
        {
            foreach (var trigger in rule.Source.Triggers)
            {
                if (!rulesByTrigger.TryGetValue(trigger, out var list))
                {
                    rulesByTrigger[trigger] = list = [];
                }

                list.Add(rule.Index);
            }
        }

        Triggers = [.. rulesByTrigger.Keys];
        RulesByTrigger = [.. Triggers.Select(t => rulesByTrigger[t].ToArray())];
        Roles = new HashSet<string>(source.SupplierRoles.Concat(source.RecipientRoles), StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        WorkTerms = new HashSet<string>(source.WorkTerms, StringComparer.OrdinalIgnoreCase);
        ScanWords = new WordIndex<ScanWord>(ScanEntries(source, Triggers, Roles.Set));
        HasParagraphRules = Rules.Any(r => r.ParagraphScope);
        Clauses = vocabulary.Clauses;
        Words = vocabulary.Words;
        Severities = new Dictionary<Severity, int>
        {
            [Severity.High] = source.Scoring.High,
            [Severity.Medium] = source.Scoring.Medium,
            [Severity.Low] = source.Scoring.Low,
            [Severity.Info] = 0,
        };
    }

    public Playbook Source { get; }

    public IReadOnlyList<CompiledRule> Rules { get; }

    public bool HasParagraphRules { get; }

    /// <summary>Every clause of required words of any pattern, as numbers into <see cref="Words"/>; each
    /// <see cref="Pattern.Clauses"/> entry is a number into this list.</summary>
    public IReadOnlyList<int[]> Clauses { get; }

    /// <summary>Every word any pattern requires: lower-case ASCII, or a party marker.</summary>
    public IReadOnlyList<string> Words { get; }

    public Pattern[] Gives { get; }
    public Pattern[] Receives { get; }
    public Pattern[] BindsParty { get; }
    public Pattern[] EntireAgreement { get; }
    public Pattern[] AddendumAttached { get; }
    public Pattern[] AddendumEnds { get; }

    public IReadOnlyDictionary<Severity, int> Severities { get; }

    /// <summary>Every distinct trigger word, and the rules each wakes.</summary>
    public string[] Triggers { get; }

    public int[][] RulesByTrigger { get; }

    /// <summary>The supplier and recipient role words, looked up ignoring case.</summary>
    public HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Roles { get; }

    /// <summary>The work terms, looked up ignoring case.</summary>
    public HashSet<string> WorkTerms { get; }

    /// <summary>What the document scan looks for at each word start.</summary>
    public WordIndex<ScanWord> ScanWords { get; }

    private static IEnumerable<(string, bool, ScanWord)> ScanEntries(Playbook source, string[] triggers, HashSet<string> roles)
    {
        for (var i = 0; i < triggers.Length; i++)
        {
            yield return (triggers[i], false, new ScanWord(ScanWordKind.Trigger, i, triggers[i]));
        }

        for (var i = 0; i < source.WorkTerms.Count; i++)
        {
            yield return (source.WorkTerms[i], true, new ScanWord(ScanWordKind.WorkTerm, i, source.WorkTerms[i]));
        }

        foreach (var (word, side) in PartyResolver.CountedPronouns)
        {
            yield return (word, true, new ScanWord(ScanWordKind.Pronoun, side, word));
        }

        // Each spelling once, as the set keeps it: that is the spelling a role count is reported under. Roles are
        // counted as single words, so "Service Provider" never is.
        foreach (var word in roles.Where(r => r.All(char.IsLetter)))
        {
            yield return (word, true, new ScanWord(ScanWordKind.Role, 0, word));
        }

        foreach (var word in source.Addendum.EntireAgreementTriggers)
        {
            yield return (word, false, new ScanWord(ScanWordKind.EntireAgreement, 0, word));
        }

        foreach (var word in source.Addendum.AttachedTriggers)
        {
            yield return (word, false, new ScanWord(ScanWordKind.AddendumAttached, 0, word));
        }
    }

    public RenderedAddendum RenderAddendum(AddendumTerms terms) => new(
        [.. Source.Addendum.Paragraphs.Select(p => p with { Text = TermText.Fill(p.Text, terms) })],
        TermText.Fill(Source.Addendum.Reference, terms));

    internal static Regex Compile(string pattern, string source, string? ruleId)
    {
        try
        {
            return new Regex(pattern, Options);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            throw new PlaybookException(source, ruleId, $"pattern /{pattern}/ is invalid: {e.Message}");
        }
    }
}

/// <summary>A playbook rule, compiled.</summary>
internal sealed class CompiledRule
{
    public CompiledRule(PlaybookRule rule, int index, PatternVocabulary vocabulary)
    {
        Source = rule;
        Index = index;
        Category = Categories.TryParse(rule.Category, out var category) ? category
            : throw new PlaybookException(vocabulary.Source, rule.Id, $"unknown category '{rule.Category}'");
        Severity = Enum.TryParse<Severity>(rule.Severity, ignoreCase: true, out var severity) && Enum.IsDefined(severity) ? severity
            : throw new PlaybookException(vocabulary.Source, rule.Id, $"unknown severity '{rule.Severity}' (high, medium, low or info)");
        Patterns = vocabulary.CompileAll(rule.Patterns, rule.Id);
        Requires = vocabulary.CompileAll(rule.Requires, rule.Id);
        Unless = vocabulary.CompileAll(rule.Unless, rule.Id);
        Mitigates = [.. rule.Mitigates.Select(id => Categories.TryParse(id, out var c) ? c
            : throw new PlaybookException(vocabulary.Source, rule.Id, $"mitigates unknown category '{id}'"))];
    }

    public PlaybookRule Source { get; }
    public int Index { get; }
    public Category Category { get; }
    public Severity Severity { get; }
    public Pattern[] Patterns { get; }
    public Pattern[] Requires { get; }
    public Pattern[] Unless { get; }
    public Category[] Mitigates { get; }
    public bool IsProtection => Category == Category.AiProtection;
    public bool NeedsGiving => Source.Direction == "gives";
    public bool ParagraphScope => Source.Scope == "paragraph";
}

/// <summary>A compiled pattern and what a text must contain for it to match at all (<see cref="RequiredLiterals"/>):
/// the numbers of clauses in <see cref="CompiledPlaybook.Clauses"/>, each of which the text must satisfy.</summary>
internal sealed record Pattern(Regex Regex, int[] Clauses);

/// <summary>Expands {name} fragments and the role markers in patterns.</summary>
internal sealed partial class PatternVocabulary(Playbook playbook)
{
    public string Source => playbook.Source;

    private static readonly Dictionary<string, string> Roles = new(StringComparer.Ordinal)
    {
        ["party"] = RoleText.Party.ToString(),
        ["party's"] = RoleText.PartyPossessive.ToString(),
        ["counterparty"] = RoleText.Counterparty.ToString(),
        ["counterparty's"] = RoleText.CounterpartyPossessive.ToString(),
    };

    [GeneratedRegex(@"\{([A-Za-z][\w']*)\}")]
    private static partial Regex Placeholder();

    private readonly Dictionary<string, int> clauseIds = new(StringComparer.Ordinal);
    private readonly List<int[]> clauses = [];
    private readonly Dictionary<string, int> wordIds = new(StringComparer.Ordinal);
    private readonly List<string> words = [];

    /// <summary>The clauses of required words of every pattern compiled so far (word numbers), numbered in order of
    /// first use.</summary>
    public IReadOnlyList<int[]> Clauses => clauses;

    /// <summary>Every required word, numbered.</summary>
    public IReadOnlyList<string> Words => words;

    public Pattern[] CompileAll(IReadOnlyList<string> patterns, string ruleId) => [.. patterns.Select(p =>
    {
        var expanded = Expand(p, ruleId, depth: 0);
        var regex = CompiledPlaybook.Compile(expanded, playbook.Source, ruleId);
        return new Pattern(regex, [.. RequiredLiterals.Of(expanded).Select(IdOf)]);
    })];

    private int IdOf(string[] clause)
    {
        var ids = clause.Select(word =>
        {
            if (!wordIds.TryGetValue(word, out var id))
            {
                wordIds[word] = id = words.Count;
                words.Add(word);
            }

            return id;
        }).ToArray();
        var key = string.Join(',', ids);
        if (!clauseIds.TryGetValue(key, out var clauseId))
        {
            clauseIds[key] = clauseId = clauses.Count;
            clauses.Add(ids);
        }

        return clauseId;
    }

    private string Expand(string pattern, string ruleId, int depth) => Placeholder().Replace(pattern, m =>
    {
        var name = m.Groups[1].Value;
        if (Roles.TryGetValue(name, out var marker))
        {
            return marker;
        }

        if (depth < 4 && playbook.Vocabulary.TryGetValue(name, out var fragment))
        {
            return "(?:" + Expand(fragment, ruleId, depth + 1) + ")";
        }

        throw new PlaybookException(playbook.Source, ruleId, $"pattern uses unknown {{{name}}}");
    });
}

using System.Buffers;
using System.Text.RegularExpressions;

namespace WordRedline.Core;

/// <summary>A playbook with its patterns compiled once and shared, read-only, by every analysis.</summary>
internal sealed class CompiledPlaybook
{
    // Linear-time matching whatever the input: a contract is untrusted text.
    private const RegexOptions Options = RegexOptions.NonBacktracking | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    private readonly Dictionary<string, List<int>> rulesByTrigger;
    private readonly Dictionary<char, string[]> triggersByFirstChar;

    public CompiledPlaybook(Playbook source)
    {
        Source = source;
        var vocabulary = new PatternVocabulary(source);
        Rules = [.. source.Rules.Select((rule, index) => new CompiledRule(rule, index, vocabulary))];
        // Direction cues are only ever asked "does any of these match?": one alternation answers in one pass.
        Gives = vocabulary.CompileAny(source.Direction.Gives, "direction.gives");
        Receives = vocabulary.CompileAny(source.Direction.Receives, "direction.receives");
        BindsParty = vocabulary.CompileAny(source.Direction.BindsParty, "direction.bindsParty");
        EntireAgreement = vocabulary.CompileAll(source.Addendum.EntireAgreement, "addendum.entireAgreement");
        AddendumAttached = vocabulary.CompileAll(source.Addendum.Attached, "addendum.attached");
        AddendumEnds = vocabulary.CompileAll(source.Addendum.EndsAt, "addendum.endsAt");
        EntireAgreementTriggers = SearchValues.Create([.. source.Addendum.EntireAgreementTriggers], StringComparison.OrdinalIgnoreCase);
        AddendumAttachedTriggers = SearchValues.Create([.. source.Addendum.AttachedTriggers], StringComparison.OrdinalIgnoreCase);

        rulesByTrigger = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
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

        Triggers = [.. rulesByTrigger.Keys.OrderByDescending(t => t.Length)];
        triggersByFirstChar = Triggers.GroupBy(t => char.ToLowerInvariant(t[0])).ToDictionary(g => g.Key, g => g.ToArray());
        TriggerSearch = SearchValues.Create(Triggers, StringComparison.OrdinalIgnoreCase);
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

    public bool HasParagraphRules => Rules.Any(r => r.ParagraphScope);

    public Regex[] Gives { get; }
    public Regex[] Receives { get; }
    public Regex[] BindsParty { get; }
    public Regex[] EntireAgreement { get; }
    public Regex[] AddendumAttached { get; }
    public Regex[] AddendumEnds { get; }
    public SearchValues<string> EntireAgreementTriggers { get; }
    public SearchValues<string> AddendumAttachedTriggers { get; }

    public IReadOnlyDictionary<Severity, int> Severities { get; }

    /// <summary>Every trigger word, longest first, and the vectorised search over them.</summary>
    public string[] Triggers { get; }

    public SearchValues<string> TriggerSearch { get; }

    public bool HasTrigger(ReadOnlySpan<char> text) => text.ContainsAny(TriggerSearch);

    /// <summary>Every place a trigger word starts, with the rules it wakes, in one vectorised pass.</summary>
    public List<(int Position, List<int> Rules)> FindTriggerHits(ReadOnlySpan<char> text)
    {
        List<(int, List<int>)> hits = [];
        var offset = 0;
        while (offset < text.Length)
        {
            var at = text[offset..].IndexOfAny(TriggerSearch);
            if (at < 0)
            {
                break;
            }

            at += offset;
            if (triggersByFirstChar.TryGetValue(char.ToLowerInvariant(text[at]), out var bucket))
            {
                foreach (var trigger in bucket)
                {
                    if (text.Length - at >= trigger.Length && text.Slice(at, trigger.Length).Equals(trigger, StringComparison.OrdinalIgnoreCase))
                    {
                        hits.Add((at, rulesByTrigger[trigger]));
                    }
                }
            }

            offset = at + 1;
        }

        return hits;
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
        Unless = vocabulary.CompileAny(rule.Unless, rule.Id);
        Mitigates = [.. rule.Mitigates.Select(id => Categories.TryParse(id, out var c) ? c
            : throw new PlaybookException(vocabulary.Source, rule.Id, $"mitigates unknown category '{id}'"))];
    }

    public PlaybookRule Source { get; }
    public int Index { get; }
    public Category Category { get; }
    public Severity Severity { get; }
    public Regex[] Patterns { get; }
    public Regex[] Requires { get; }
    public Regex[] Unless { get; }
    public Category[] Mitigates { get; }
    public bool IsProtection => Category == Category.AiProtection;
    public bool NeedsGiving => Source.Direction == "gives";
    public bool ParagraphScope => Source.Scope == "paragraph";
}

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

    public Regex[] CompileAll(IReadOnlyList<string> patterns, string ruleId) =>
        [.. patterns.Select(p => CompiledPlaybook.Compile(Expand(p, ruleId, depth: 0), playbook.Source, ruleId))];

    /// <summary>One regex that matches where any of the patterns matches (none for an empty list). A bad pattern is
    /// still reported on its own, by name.</summary>
    public Regex[] CompileAny(IReadOnlyList<string> patterns, string ruleId)
    {
        if (patterns.Count <= 1)
        {
            return CompileAll(patterns, ruleId);
        }

        var expanded = patterns.Select(p => Expand(p, ruleId, depth: 0)).ToList();

        // Each pattern must parse on its own ("a)|(b" is two broken patterns, not one good alternation); parsing is
        // cheap, and the combined build below checks what the non-backtracking engine supports.
        foreach (var pattern in expanded)
        {
            try
            {
                _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException e)
            {
                throw new PlaybookException(playbook.Source, ruleId, $"pattern /{pattern}/ is invalid: {e.Message}");
            }
        }

        try
        {
            return [CompiledPlaybook.Compile(string.Join('|', expanded.Select(p => "(?:" + p + ")")), playbook.Source, ruleId)];
        }
        catch (PlaybookException)
        {
            return CompileAll(patterns, ruleId);
        }
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

using System.Text;
using WordRedline.Core;

namespace WordRedline.Benchmarks;

/// <summary>The inputs that show where analysis spends its time and whether it stays linear (issue 2, items 9 and 10):
/// each case at full size and at a fraction of it, so the growth ratio says linear (~4 from a quarter) or not.</summary>
internal static class EngineParts
{
    public const string Contract = "contract";
    public const string NoTriggers = "no-triggers";
    public const string TriggerRich = "trigger-rich";
    public const string OneMegabyte = "1mb-paragraph";
    public const string FourMegabytes = "4mb-paragraph";
    public const string RepeatedGrant = "repeated-grant-1mb";
    public const string AnyAndAll = "any-and-all-100k";
    public const string NoSpaces = "no-spaces-1mb";
    public const string HostileChars = "hostile-chars";

    public static readonly string[] Cases = [Contract, NoTriggers, TriggerRich, OneMegabyte, FourMegabytes, RepeatedGrant, AnyAndAll, NoSpaces, HostileChars];

    private const int Megabyte = 1 << 20;

    // A party-heavy risky sentence: every sentence of the paragraph mentions both parties and is a candidate.
    private const string Grant = "Contractor grants Client a perpetual license to use the Deliverables for any purpose. ";

    // Lone surrogates, C0 controls, bidi overrides and right-to-left words, salted through ordinary text.
    private static readonly string[] Hostile = ["\uD800", "\uDFFF", "\u0000", "\u0007", "\u001B", "\u202E", "\u200F", "\u2066", "עבודה", "العمل", "\uFFFE", "\r"];

    /// <summary>The request for a case at 1/<paramref name="divisor"/> of its full size.</summary>
    public static AnalyzeRequest Build(string name, IReadOnlyList<string> triggers, int divisor = 1) => name switch
    {
        Contract => ContractText.Request(ContractText.Build(ContractText.Pool, ContractText.Paragraphs / divisor, ContractText.Words / divisor)),
        NoTriggers => ContractText.Request(ContractText.Build(Filter(triggers, minimum: 0, maximum: 0), ContractText.Paragraphs / divisor, ContractText.Words / divisor)),
        TriggerRich => ContractText.Request(ContractText.Build(Filter(triggers, minimum: 4, maximum: int.MaxValue), ContractText.Paragraphs / divisor, ContractText.Words / divisor)),
        OneMegabyte => ContractText.Request([OneParagraph(Megabyte / divisor)]),
        FourMegabytes => ContractText.Request([OneParagraph(4 * Megabyte / divisor)]),
        RepeatedGrant => ContractText.Request([Repeat(Grant, Megabyte / divisor)]),
        AnyAndAll => ContractText.Request([string.Concat(Enumerable.Repeat("for any and all purposes. ", 100_000 / divisor))]),
        NoSpaces => ContractText.Request([string.Concat(OneParagraph(Megabyte / divisor).Where(c => !char.IsWhiteSpace(c)))]),
        HostileChars => ContractText.Request(ContractText.Build(ContractText.Pool, ContractText.Paragraphs / divisor, ContractText.Words / divisor).Select(Salt)),
        _ => throw new ArgumentException($"Unknown case '{name}'; cases: {string.Join(", ", Cases)}.", nameof(name)),
    };

    /// <summary>The action words of the engine's default playbook (grant, share, train...): a sentence without any is
    /// skipped before the clause reader runs.</summary>
    public static string[] Triggers(ClauseEngine engine) =>
        [.. engine.DefaultPlaybook.Lexicon
            .Where(list => ActionConcepts.Contains(list.Key))
            .SelectMany(list => list.Value)
            .Where(word => !word.Contains(' ', StringComparison.Ordinal))
            .Select(word => word.TrimEnd('~'))
            .Distinct(StringComparer.OrdinalIgnoreCase)];

    private static readonly HashSet<string> ActionConcepts = new(
        ["grant", "license", "assign", "own", "property", "vest", "use", "modify", "share", "convey", "access", "engage", "train", "waive"],
        StringComparer.OrdinalIgnoreCase);

    public static long Characters(AnalyzeRequest request) => request.Paragraphs.Sum(p => (long)p.Text.Length);

    /// <summary>Pool lines with between <paramref name="minimum"/> and <paramref name="maximum"/> distinct trigger
    /// words, matched as the engine matches them: case-insensitive substrings.</summary>
    private static List<string> Filter(IReadOnlyList<string> triggers, int minimum, int maximum)
    {
        var lines = ContractText.Pool.Where(line =>
        {
            var count = triggers.Count(t => line.Contains(t, StringComparison.OrdinalIgnoreCase));
            return count >= minimum && count <= maximum;
        }).ToList();
        return lines.Count > 0 ? lines : throw new InvalidOperationException($"No pool line has {minimum}..{maximum} trigger words.");
    }

    private static string OneParagraph(int characters)
    {
        var builder = new StringBuilder(characters + 1024);
        foreach (var paragraph in ContractText.Build(ContractText.Pool))
        {
            builder.Append(paragraph).Append(' ');
            if (builder.Length >= characters)
            {
                break;
            }
        }

        // Short pools (the synthetic fallback) repeat until the size is reached.
        while (builder.Length < characters)
        {
            builder.Append(builder, 0, Math.Min(builder.Length, characters - builder.Length));
        }

        return builder.ToString(0, characters);
    }

    private static string Repeat(string text, int characters)
    {
        var builder = new StringBuilder(characters + text.Length);
        while (builder.Length < characters)
        {
            builder.Append(text);
        }

        return builder.ToString(0, characters);
    }

    private static string Salt(string paragraph, int index)
    {
        var builder = new StringBuilder(paragraph.Length + 64);
        var spaces = 0;
        foreach (var c in paragraph)
        {
            builder.Append(c);
            if (c == ' ' && ++spaces % 7 == 0)
            {
                builder.Append(Hostile[(index + spaces) % Hostile.Length]).Append(' ');
            }
        }

        return builder.ToString();
    }
}

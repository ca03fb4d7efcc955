using System.Buffers;

namespace WordRedline.Core;

/// <summary>Answers, for one sentence at a time, whether a pattern could match it at all: each of the pattern's
/// clauses of required words must have a word in the sentence. A word is searched for at most once per sentence, the
/// first time a clause asks, in an ASCII-lowered copy made the first time a word is needed.</summary>
internal sealed class LiteralPresence
{
    // Characters the regex engine, ignoring case, may take for an ASCII letter (the Kelvin sign is a 'k') while a
    // case-insensitive ordinal comparison would not: a sentence with one is never filtered. Characters whose invariant
    // lower or upper case is ASCII cover every such character, with a few to spare.
    private static readonly SearchValues<char> Lookalikes = SearchValues.Create([.. Enumerable.Range(0x80, 0x10000 - 0x80)
        .Select(c => (char)c)
        .Where(c => char.ToLowerInvariant(c) < 0x80 || char.ToUpperInvariant(c) < 0x80)]);

    private readonly IReadOnlyList<int[]> clauses;
    private readonly IReadOnlyList<string> words;
    private readonly int[] clauseCheckedIn;
    private readonly bool[] clausePresent;
    private readonly int[] wordCheckedIn;
    private readonly bool[] wordPresent;
    private string source = "";
    private int start;
    private int length;
    private char[] lower = new char[512];
    private bool lowered;
    private int sentence;
    private bool filtering;

    public LiteralPresence(CompiledPlaybook playbook)
        : this(playbook.Clauses, playbook.Words)
    {
    }

    public LiteralPresence(IReadOnlyList<int[]> clauses, IReadOnlyList<string> words)
    {
        this.clauses = clauses;
        this.words = words;
        clauseCheckedIn = new int[clauses.Count];
        clausePresent = new bool[clauses.Count];
        wordCheckedIn = new int[words.Count];
        wordPresent = new bool[words.Count];
    }

    /// <summary>Starts answering for the sentence at [<paramref name="sentenceStart"/>, + <paramref name="sentenceLength"/>)
    /// of <paramref name="text"/>; earlier answers are forgotten.</summary>
    public void Begin(string text, int sentenceStart, int sentenceLength)
    {
        sentence++;
        (source, start, length) = (text, sentenceStart, sentenceLength);
        lowered = false;
        filtering = !HasLookalike(Text);
    }

    private ReadOnlySpan<char> Text => source.AsSpan(start, length);

    /// <summary>False only when <paramref name="pattern"/> certainly does not match the current sentence.</summary>
    public bool MayMatch(Pattern pattern)
    {
        if (!filtering)
        {
            return true;
        }

        foreach (var clause in pattern.Clauses)
        {
            if (clauseCheckedIn[clause] != sentence)
            {
                clauseCheckedIn[clause] = sentence;
                clausePresent[clause] = Any(clauses[clause]);
            }

            if (!clausePresent[clause])
            {
                return false;
            }
        }

        return true;
    }

    private bool Any(int[] clause)
    {
        foreach (var word in clause)
        {
            if (wordCheckedIn[word] != sentence)
            {
                wordCheckedIn[word] = sentence;
                wordPresent[word] = Contains(words[word]);
            }

            if (wordPresent[word])
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Required words are lower-case ASCII or a party marker: against an ASCII-lowered copy each is one ordinal
    /// vectorised search. Without look-alikes nothing else in the sentence could equal an ASCII letter.</summary>
    private bool Contains(string word)
    {
        var text = Text;
        if (word.Length == 1)
        {
            return text.Contains(word[0]) || (char.IsAsciiLetter(word[0]) && text.Contains(char.ToUpperInvariant(word[0])));
        }

        if (!lowered)
        {
            lowered = true;
            if (lower.Length < text.Length)
            {
                lower = new char[Math.Max(text.Length, lower.Length * 2)];
            }

            if (System.Text.Ascii.ToLower(text, lower, out _) != OperationStatus.Done)
            {
                for (var i = 0; i < text.Length; i++)
                {
                    var c = text[i];
                    lower[i] = c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c;
                }
            }
        }

        return lower.AsSpan(0, text.Length).IndexOf(word, StringComparison.Ordinal) >= 0;
    }

    // Most sentences are ASCII: one vectorised test clears them; the rest are searched from their first non-ASCII char.
    private static bool HasLookalike(ReadOnlySpan<char> text)
    {
        var wide = text.IndexOfAnyExceptInRange('\0', '\u007F');
        return wide >= 0 && text[wide..].ContainsAny(Lookalikes);
    }
}

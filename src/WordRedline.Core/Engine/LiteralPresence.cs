using System.Buffers;

namespace WordRedline.Core;

/// <summary>Answers, for one sentence at a time, whether a pattern could match it at all: each of the pattern's
/// clauses of required words must have a word in the sentence. Each clause is looked for at most once per sentence,
/// all its words in one vectorised search.</summary>
internal sealed class LiteralPresence(IReadOnlyList<RequiredWords> clauses)
{
    // Characters the regex engine, ignoring case, may take for an ASCII letter (the Kelvin sign is a 'k') while a
    // case-insensitive ordinal search would not: a sentence with one is never filtered. Characters whose invariant
    // lower or upper case is ASCII cover every such character, with a few to spare.
    private static readonly SearchValues<char> Lookalikes = SearchValues.Create([.. Enumerable.Range(0x80, 0x10000 - 0x80)
        .Select(c => (char)c)
        .Where(c => char.ToLowerInvariant(c) < 0x80 || char.ToUpperInvariant(c) < 0x80)]);

    private readonly int[] checkedIn = new int[clauses.Count];
    private readonly bool[] present = new bool[clauses.Count];
    private char[] lower = new char[512];
    private int length;
    private int sentence;
    private bool filtering;

    /// <summary>Starts answering for <paramref name="sentenceText"/>; earlier answers are forgotten.</summary>
    public void Begin(string sentenceText)
    {
        sentence++;
        var text = sentenceText.AsSpan();
        filtering = !HasLookalike(text);
        if (!filtering)
        {
            return;
        }

        // The required words are lower-case ASCII (or party markers): against an ASCII-lowered copy each is one
        // ordinal vectorised search. Without look-alikes nothing else in the sentence could equal an ASCII letter.
        if (lower.Length < text.Length)
        {
            lower = new char[Math.Max(text.Length, lower.Length * 2)];
        }

        length = text.Length;
        if (System.Text.Ascii.ToLower(text, lower, out _) != OperationStatus.Done)
        {
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                lower[i] = c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c;
            }
        }
    }
    /// <summary>False only when <paramref name="pattern"/> certainly does not match the current sentence.</summary>
    public bool MayMatch(Pattern pattern)
    {
        if (!filtering)
        {
            return true;
        }

        foreach (var clause in pattern.Clauses)
        {
            if (checkedIn[clause] != sentence)
            {
                checkedIn[clause] = sentence;
                present[clause] = clauses[clause].In(lower.AsSpan(0, length));
            }

            if (!present[clause])
            {
                return false;
            }
        }

        return true;
    }

    // Most sentences are ASCII: one vectorised test clears them; the rest are searched from their first non-ASCII char.
    private static bool HasLookalike(ReadOnlySpan<char> text)
    {
        var wide = text.IndexOfAnyExceptInRange('\0', '\u007F');
        return wide >= 0 && text[wide..].ContainsAny(Lookalikes);
    }
}

/// <summary>Words one of which a text must contain for some pattern to match: lower-case ASCII words or a party
/// marker, looked for in a lower-cased text. Each is one vectorised ordinal search: on a sentence that beats a
/// multi-word search, whose false starts cost more than the words it saves.</summary>
internal sealed class RequiredWords(string[] words)
{
    public string[] Words { get; } = words;

    public bool In(ReadOnlySpan<char> lowered)
    {
        foreach (var word in Words)
        {
            if (word.Length == 1 ? lowered.Contains(word[0]) : lowered.IndexOf(word, StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return false;
    }
}

using System.Buffers;

namespace WordRedline.Core;

/// <summary>Answers, for one sentence at a time, whether a pattern could match it at all: every clause of the
/// pattern's required words must have a word in the sentence. Each word is looked for at most once per sentence.</summary>
internal sealed class LiteralPresence(IReadOnlyList<string> literals)
{
    // Characters the regex engine, ignoring case, may take for an ASCII letter (the Kelvin sign is a 'k') while a
    // case-insensitive ordinal search would not: a sentence with one is never filtered. Chars whose invariant lower
    // or upper case is ASCII cover every such character, with a few to spare.
    private static readonly SearchValues<char> CaseLookalikes = SearchValues.Create([.. Enumerable.Range(0x80, 0x10000 - 0x80)
        .Select(c => (char)c)
        .Where(c => char.ToLowerInvariant(c) < 0x80 || char.ToUpperInvariant(c) < 0x80)]);

    private readonly int[] checkedIn = new int[literals.Count];
    private readonly bool[] present = new bool[literals.Count];
    private char[] lower = new char[256];
    private int length;
    private int sentence;
    private bool filtering;

    /// <summary>Starts answering for <paramref name="sentenceText"/>; earlier answers are forgotten.</summary>
    public void Begin(string sentenceText)
    {
        sentence++;
        var text = sentenceText.AsSpan();

        // Lower case once, so each word is an ordinal search. Without look-alikes, lower-casing maps exactly the ASCII
        // letters and leaves everything else as it is, so an ordinal match here is a case-insensitive match there.
        filtering = !text.ContainsAny(CaseLookalikes);
        if (filtering)
        {
            if (lower.Length < text.Length)
            {
                lower = new char[Math.Max(text.Length, lower.Length * 2)];
            }

            length = text.ToLowerInvariant(lower);
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
            var satisfied = false;
            foreach (var literal in clause)
            {
                if (Contains(literal))
                {
                    satisfied = true;
                    break;
                }
            }

            if (!satisfied)
            {
                return false;
            }
        }

        return true;
    }

    private bool Contains(int literal)
    {
        if (checkedIn[literal] != sentence)
        {
            checkedIn[literal] = sentence;
            present[literal] = lower.AsSpan(0, length).IndexOf(literals[literal], StringComparison.Ordinal) >= 0;
        }

        return present[literal];
    }
}

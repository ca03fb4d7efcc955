using System.Buffers;
using System.Globalization;
using System.Text;

namespace WordRedline.Core;

/// <summary>Replace <see cref="Length"/> characters at <see cref="Start"/> of a paragraph's accepted-view text
/// with <see cref="Insert"/>; the unit the writer turns into one <c>w:del</c>/<c>w:ins</c> pair.</summary>
internal readonly record struct Hunk(int Start, int Length, string Insert)
{
    public int End => Start + Length;

    /// <summary>True when both change the same characters, or one inserts strictly inside the other's range.
    /// Two insertions at one point do not overlap (they go in side by side), nor does an insertion at either
    /// end of a replacement.</summary>
    public bool Overlaps(Hunk other) =>
        (Start < other.End && other.Start < End)
        || (Length == 0 && Start > other.Start && Start < other.End)
        || (other.Length == 0 && other.Start > Start && other.Start < End);
}

/// <summary>Turns an engine's edits into word-level hunks, the way a lawyer redlines: whole words struck and
/// inserted (never half a word), words the edit keeps left alone, and changes a word or two apart joined so the
/// result reads as one change rather than confetti.</summary>
public static class WordDiff
{
    // Hunks separated by a single unchanged word (or punctuation mark) are joined; more is worth showing as kept.
    private const int JoinGap = 1;

    // Above this many token pairs the quadratic word diff is skipped: the edit becomes one hunk.
    private const int MaxDiffCells = 250_000;

    private readonly record struct Token(int Start, int End);

    /// <summary>The word-level changes for <paramref name="edits"/>, as the contract's <see cref="Edit"/>s.</summary>
    public static IReadOnlyList<Edit> Changes(string text, IReadOnlyList<Edit> edits) =>
        edits.Count == 0 ? [] : [.. Hunks(text, [.. edits.OrderBy(e => e.Start).ThenBy(e => e.Length)]).Select(h => new Edit(h.Start, h.Length, h.Insert))];

    /// <summary>Hunks for <paramref name="edits"/> (sorted, non-overlapping, within <paramref name="text"/>).</summary>
    internal static List<Hunk> Hunks(string text, IReadOnlyList<Edit> edits)
    {
        var hunks = new List<Hunk>();
        foreach (var (start, end, replacement) in Regions(text, edits))
        {
            hunks.AddRange(Diff(text, start, end, replacement));
        }

        return hunks;
    }

    /// <summary>Widens each edit to whole words, merges the edits that then touch, and gives each region the
    /// text that replaces it.</summary>
    private static List<(int Start, int End, string Replacement)> Regions(string text, IReadOnlyList<Edit> edits)
    {
        var groups = new List<(int Start, int End, List<Edit> Edits)>();
        foreach (var edit in edits)
        {
            var start = WordStart(text, edit.Start);
            var end = WordEnd(text, edit.Start + edit.Length);
            if (groups.Count > 0 && groups[^1].End >= start)
            {
                groups[^1].Edits.Add(edit);
                groups[^1] = (groups[^1].Start, Math.Max(groups[^1].End, end), groups[^1].Edits);
            }
            else
            {
                groups.Add((start, end, [edit]));
            }
        }

        return [.. groups.Select(g => (g.Start, g.End, Apply(text, g.Start, g.End, g.Edits)))];
    }

    private static string Apply(string text, int start, int end, List<Edit> edits)
    {
        var result = new StringBuilder();
        var at = start;
        foreach (var edit in edits)
        {
            result.Append(text, at, edit.Start - at).Append(edit.Replacement);
            at = edit.Start + edit.Length;
        }

        return result.Append(text, at, end - at).ToString();
    }

    private static List<Hunk> Diff(string text, int start, int end, string replacement)
    {
        var old = Tokenize(text, start, end, trailingSpace: true);
        var now = Tokenize(replacement, 0, replacement.Length, trailingSpace: true);
        var pairs = (long)old.Count * now.Count <= MaxDiffCells ? Lcs(text, old, replacement, now) : [];

        // The gaps between matched tokens are the changes; changes a word or two apart are joined.
        var changes = new List<(int OldFrom, int OldTo, int NewFrom, int NewTo)>();
        int oi = 0, ni = 0;
        foreach (var (o, n) in pairs.Append((old.Count, now.Count)))
        {
            if (o > oi || n > ni)
            {
                if (changes.Count > 0 && oi - changes[^1].OldTo <= JoinGap)
                {
                    changes[^1] = (changes[^1].OldFrom, o, changes[^1].NewFrom, n);
                }
                else
                {
                    changes.Add((oi, o, ni, n));
                }
            }

            oi = o + 1;
            ni = n + 1;
        }

        var hunks = new List<Hunk>();
        foreach (var (oldFrom, oldTo, newFrom, newTo) in changes)
        {
            var oldStart = Offset(old, oldFrom, end);
            var oldEnd = Offset(old, oldTo, end);
            var hunk = Trim(text, oldStart, oldEnd, replacement[Offset(now, newFrom, replacement.Length)..Offset(now, newTo, replacement.Length)]);
            if (hunk.Length > 0 || hunk.Insert.Length > 0)
            {
                hunks.Add(hunk);
            }
        }

        return hunks;
    }

    /// <summary>Drops whole tokens (words, spaces, punctuation) that a hunk deletes and re-inserts at either end:
    /// "30 " to "45 " becomes "30" to "45".</summary>
    private static Hunk Trim(string text, int start, int end, string insert)
    {
        var old = Tokenize(text, start, end, trailingSpace: false);
        var now = Tokenize(insert, 0, insert.Length, trailingSpace: false);
        int head = 0, tail = 0;
        while (head < old.Count && head < now.Count && Same(text, old[head], insert, now[head]))
        {
            head++;
        }

        while (tail < old.Count - head && tail < now.Count - head
            && Same(text, old[old.Count - 1 - tail], insert, now[now.Count - 1 - tail]))
        {
            tail++;
        }

        var oldStart = Offset(old, head, end);
        var oldEnd = Offset(old, old.Count - tail, end);
        return new Hunk(oldStart, oldEnd - oldStart, insert[Offset(now, head, insert.Length)..Offset(now, now.Count - tail, insert.Length)]);
    }

    /// <summary>Longest common subsequence of token texts, as (old index, new index) pairs in order.</summary>
    private static List<(int Old, int New)> Lcs(string oldText, List<Token> old, string newText, List<Token> now)
    {
        int n = old.Count, m = now.Count;
        var lengths = new int[n + 1, m + 1];
        for (var i = n - 1; i >= 0; i--)
        {
            for (var j = m - 1; j >= 0; j--)
            {
                lengths[i, j] = Same(oldText, old[i], newText, now[j])
                    ? lengths[i + 1, j + 1] + 1
                    : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
            }
        }

        var pairs = new List<(int, int)>();
        for (int i = 0, j = 0; i < n && j < m;)
        {
            if (Same(oldText, old[i], newText, now[j]))
            {
                pairs.Add((i, j));
                i++;
                j++;
            }
            else if (lengths[i + 1, j] >= lengths[i, j + 1])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return pairs;
    }

    private static bool Same(string a, Token x, string b, Token y) =>
        a.AsSpan(x.Start, x.End - x.Start).SequenceEqual(b.AsSpan(y.Start, y.End - y.Start));

    private static int Offset(List<Token> tokens, int index, int regionEnd) => index < tokens.Count ? tokens[index].Start : regionEnd;

    /// <summary>Tokens of text[start..end): words (letters, digits, marks, inner apostrophes), single CJK
    /// ideographs, single other characters and whitespace; with <paramref name="trailingSpace"/>, whitespace joins
    /// the token before it, so that matching a lone space between two changed words never splits a change.</summary>
    private static List<Token> Tokenize(string text, int start, int end, bool trailingSpace)
    {
        var tokens = new List<Token>();
        var i = start;
        while (i < end)
        {
            var tokenStart = i;
            var kind = Kind(text, i, end);
            i += RuneLength(text, i, end);
            if (kind == CharKind.Space)
            {
                while (i < end && Kind(text, i, end) == CharKind.Space)
                {
                    i++;
                }
            }
            else if (kind == CharKind.Word)
            {
                while (i < end && Kind(text, i, end) == CharKind.Word)
                {
                    i += RuneLength(text, i, end);
                }
            }

            while (trailingSpace && kind != CharKind.Space && i < end && Kind(text, i, end) == CharKind.Space)
            {
                i++;
            }

            tokens.Add(new Token(tokenStart, i));
        }

        return tokens;
    }

    /// <summary>The start of the word that straddles <paramref name="position"/>, else the position itself.</summary>
    private static int WordStart(string text, int position)
    {
        while (position > 0 && position < text.Length && Straddles(text, position))
        {
            position--;
        }

        return position;
    }

    private static int WordEnd(string text, int position)
    {
        while (position > 0 && position < text.Length && Straddles(text, position))
        {
            position++;
        }

        return position;
    }

    // A boundary inside a word or a surrogate pair.
    private static bool Straddles(string text, int position) =>
        char.IsLowSurrogate(text[position])
        || (Kind(text, position, text.Length) == CharKind.Word && Kind(text, PreviousRune(text, position), text.Length) == CharKind.Word);

    private static int PreviousRune(string text, int position) =>
        position >= 2 && char.IsLowSurrogate(text[position - 1]) && char.IsHighSurrogate(text[position - 2]) ? position - 2 : position - 1;

    private enum CharKind
    {
        Word,
        Space,
        Other,
    }

    private static CharKind Kind(string text, int i, int end)
    {
        if (char.IsWhiteSpace(text[i]))
        {
            return CharKind.Space;
        }

        if (Rune.DecodeFromUtf16(text.AsSpan(i, end - i), out var rune, out _) != OperationStatus.Done)
        {
            return CharKind.Other;
        }

        // Each CJK ideograph is a word of its own; an apostrophe between two letters belongs to the word.
        if (rune.Value is >= 0x3040 and <= 0x30FF or >= 0x3400 and <= 0x4DBF or >= 0x4E00 and <= 0x9FFF or >= 0xF900 and <= 0xFAFF)
        {
            return CharKind.Other;
        }

        if (rune.Value is '\'' or '\u2019')
        {
            return i > 0 && i + 1 < end && char.IsLetter(text[i - 1]) && char.IsLetter(text[i + 1]) ? CharKind.Word : CharKind.Other;
        }

        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber
                or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber or UnicodeCategory.NonSpacingMark
                or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.ConnectorPunctuation => CharKind.Word,
            _ => CharKind.Other,
        };
    }

    private static int RuneLength(string text, int i, int end) =>
        char.IsHighSurrogate(text[i]) && i + 1 < end && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
}

using System.Buffers;

namespace WordRedline.Core;

/// <summary>Groups paragraphs that are one sentence split over several lines (hard-wrapped text, or a lead-in ending
/// in a colon followed by its bullets), so a grant on one line gives its direction to the words on the next.</summary>
internal static class TextBlocks
{
    /// <summary>The [start, end) paragraph ranges of each block, in order.</summary>
    public static List<(int Start, int End)> Build(IReadOnlyList<string> texts)
    {
        List<(int, int)> blocks = [];
        var start = 0;
        var inList = false;
        for (var i = 1; i <= texts.Count; i++)
        {
            if (i < texts.Count && Continues(texts[i - 1], texts[i], ref inList))
            {
                continue;
            }

            blocks.Add((start, i));
            start = i;
            inList = false;
        }

        return blocks;
    }

    private static bool Continues(string previous, string next, ref bool inList)
    {
        var last = LastNonSpace(previous);
        var first = FirstNonSpace(next);
        if (last == '\0' || first == '\0')
        {
            return false;
        }

        if (IsBullet(next) && (last == ':' || inList))
        {
            inList = true;
            return true;
        }

        inList = false;
        return char.IsLower(first) && last is not ('.' or '!' or '?' or ':' or ';');
    }

    private static bool IsBullet(string text)
    {
        var trimmed = text.AsSpan().TrimStart();
        return trimmed.Length > 1 && (trimmed[0] is '*' or '-' or '•' or '–' or '·') && char.IsWhiteSpace(trimmed[1]);
    }

    private static char LastNonSpace(string text)
    {
        var trimmed = text.AsSpan().TrimEnd();
        return trimmed.IsEmpty ? '\0' : trimmed[^1];
    }

    private static char FirstNonSpace(string text)
    {
        var trimmed = text.AsSpan().TrimStart();
        return trimmed.IsEmpty ? '\0' : trimmed[0];
    }
}

/// <summary>Splits text into sentences at . ! or ? followed by a space and a capital, a digit, a quote or an opening
/// bracket, skipping common abbreviations. One pass, no regular expression.</summary>
internal static class Sentences
{
    private static readonly HashSet<string> Abbreviations = new(
        ["e.g", "i.e", "etc", "inc", "ltd", "llc", "co", "corp", "no", "nos", "sec", "art", "vs", "mr", "mrs", "ms", "dr", "st", "u.s", "cf", "approx", "incl", "para"],
        StringComparer.OrdinalIgnoreCase);

    private static readonly SearchValues<char> Stops = SearchValues.Create(".!?");

    public static List<(int Start, int End)> Split(ReadOnlySpan<char> text)
    {
        List<(int, int)> sentences = [];
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            // Vectorised jump to the next full stop, exclamation or question mark.
            var ahead = text[i..].IndexOfAny(Stops);
            if (ahead < 0)
            {
                break;
            }

            i += ahead;

            var end = i + 1;
            while (end < text.Length && text[end] is '"' or '”' or '’' or '\'' or ')')
            {
                end++;
            }

            var next = end;
            while (next < text.Length && char.IsWhiteSpace(text[next]))
            {
                next++;
            }

            if (next == end && next < text.Length)
            {
                continue;
            }

            if (next < text.Length && !StartsSentence(text[next]))
            {
                continue;
            }

            if (text[i] == '.' && IsAbbreviation(text, i))
            {
                continue;
            }

            sentences.Add((start, end));
            start = next;
            i = next - 1;
        }

        if (start < text.Length)
        {
            sentences.Add((start, text.Length));
        }

        return sentences;
    }

    private static bool StartsSentence(char c) =>
        char.IsUpper(c) || char.IsDigit(c) || c is '"' or '“' or '(' or '[' or '_' or '*' or RoleText.Party or RoleText.PartyPossessive or RoleText.Counterparty or RoleText.CounterpartyPossessive;

    private static bool IsAbbreviation(ReadOnlySpan<char> text, int dot)
    {
        var wordStart = dot;
        while (wordStart > 0 && (char.IsLetter(text[wordStart - 1]) || (text[wordStart - 1] == '.' && wordStart - 1 > 0 && char.IsLetter(text[wordStart - 2]))))
        {
            wordStart--;
        }

        var word = text[wordStart..dot];
        if (word.Length == 1)
        {
            return char.IsUpper(word[0]) || word[0] is 'e' or 'i';
        }

        return word.Length <= 6 && Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);
    }
}

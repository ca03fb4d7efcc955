namespace WordRedline.Core;

/// <summary>Whether a negation stands within the few words before a match ("will not share", "may not be used").</summary>
internal static class Negation
{
    private const int WordsBack = 4;

    private static readonly HashSet<string> Negators = new(
        ["not", "never", "no", "nor", "neither", "cannot", "won't", "don't", "doesn't", "didn't", "shan't", "isn't", "aren't", "won’t", "don’t", "doesn’t"],
        StringComparer.OrdinalIgnoreCase);

    public static bool Precedes(ReadOnlySpan<char> text, int index)
    {
        var lookup = Negators.GetAlternateLookup<ReadOnlySpan<char>>();
        var end = index;
        for (var words = 0; words < WordsBack && end > 0; words++)
        {
            while (end > 0 && !IsWordChar(text[end - 1]))
            {
                // A clause break ends the reach of a negation: "not for resale; use for any purpose".
                if (text[end - 1] is ';' or '.' or ':' or ',' )
                {
                    return false;
                }

                end--;
            }

            var start = end;
            while (start > 0 && IsWordChar(text[start - 1]))
            {
                start--;
            }

            if (start == end)
            {
                return false;
            }

            if (lookup.Contains(text[start..end]))
            {
                return true;
            }

            end = start;
        }

        return false;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '\'' or '’';
}

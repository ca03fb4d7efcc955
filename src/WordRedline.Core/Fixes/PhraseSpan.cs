namespace WordRedline.Core;

/// <summary>The words a replacement takes the place of: the quoted phrase widened so the sentence still reads ("may use
/// the Images for any purpose whatsoever" becomes "may use the Images solely for the purposes of the Project", not
/// "for solely for ... whatsoever").</summary>
internal static class PhraseSpan
{
    private static readonly string[] Prepositions = ["for", "in", "by", "at", "through"];
    private static readonly string[] Conjunctions = ["or", "and", "nor"];
    private static readonly string[] Determiners = ["any", "other", "all", "further", "additional", "a", "an", "the"];

    public static (int Start, int Length) Widen(string text, int start, int length, string replacement)
    {
        var end = start + length;
        var leading = replacement.Split(' ', 3);

        // The replacement brings its own preposition ("solely for ...", "in the media ..."): take the one before.
        var before = text.AsSpan(0, start).TrimEnd();
        foreach (var preposition in Prepositions)
        {
            var brings = leading[0] == preposition || (leading.Length > 1 && leading[1] == preposition);
            if (brings && EndsWithWord(before, preposition))
            {
                start = before.Length - preposition.Length;
                break;
            }
        }

        // "for any purpose whatsoever": the intensifier goes with the phrase.
        var after = text.AsSpan(end);
        var trimmed = after.TrimStart();
        if (trimmed.StartsWith("whatsoever", StringComparison.OrdinalIgnoreCase))
        {
            end += after.Length - trimmed.Length + "whatsoever".Length;
        }

        // "without any restriction or obligation": a phrase that ends on a conjunction takes the word it joins, else
        // the replacement leaves "... solely for the purposes of this Agreement obligation".
        end = Conjoined(text, end);
        return (start, end - start);
    }

    private static int Conjoined(string text, int end)
    {
        var before = text[..end].TrimEnd();
        if (!Conjunctions.Any(c => EndsWithWord(before, c)))
        {
            return end;
        }

        var at = Word(text, end, out var word);
        if (word.Length > 0 && Determiners.Contains(word, StringComparer.OrdinalIgnoreCase))
        {
            at = Word(text, at, out word);
        }

        return word.Length > 0 ? at : end;
    }

    // The end of the next word after any spaces (the word itself in word, empty when punctuation or the end comes first).
    private static int Word(string text, int from, out string word)
    {
        var start = from;
        while (start < text.Length && text[start] == ' ')
        {
            start++;
        }

        var end = start;
        while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] == '-'))
        {
            end++;
        }

        word = text[start..end];
        return word.Length > 0 ? end : from;
    }

    private static bool EndsWithWord(ReadOnlySpan<char> text, string word) =>
        text.EndsWith(word, StringComparison.OrdinalIgnoreCase) && (text.Length == word.Length || !char.IsLetter(text[^(word.Length + 1)]));
}

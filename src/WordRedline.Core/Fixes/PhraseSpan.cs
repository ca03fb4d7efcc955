namespace WordRedline.Core;

/// <summary>The words a replacement takes the place of: the quoted phrase widened so the sentence still reads ("may use
/// the Images for any purpose whatsoever" becomes "may use the Images solely for the purposes of the Project", not
/// "for solely for ... whatsoever").</summary>
internal static class PhraseSpan
{
    private static readonly string[] Prepositions = ["for", "in", "by", "at", "through"];

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

        return (start, end - start);
    }

    private static bool EndsWithWord(ReadOnlySpan<char> text, string word) =>
        text.EndsWith(word, StringComparison.OrdinalIgnoreCase) && (text.Length == word.Length || !char.IsLetter(text[^(word.Length + 1)]));
}

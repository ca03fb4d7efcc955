namespace WordRedline.Core;

/// <summary>Headings: a title line, an inline title before a clause's first sentence ("Ownership.", "Granting Rights:").</summary>
internal static partial class DocumentStructure
{
    private static bool AllCapitalized(ReadOnlySpan<char> words)
    {
        foreach (var range in words.Split(' '))
        {
            var word = words[range];
            if (!word.IsEmpty && !char.IsUpper(word[0]) && !SmallWords.Contains(word.ToString()))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsHeading(ReadOnlySpan<char> text)
    {
        if (text.Length > 90 || text[^1] is ';' or ',' || text.IndexOf(';') >= 0)
        {
            return false;
        }

        var words = CountWords(text);
        if (words > 10 || (text[^1] == ':' && words >= 3 && !IsAllCaps(text)))
        {
            // "You agree that you will not:" introduces a list; it is not a title.
            return false;
        }

        var allCaps = IsAllCaps(text);
        if (text[^1] is '.' or '!' or '?' && !allCaps)
        {
            return false;
        }

        // A short line that starts with a capital and stops without a full stop: a title, whether or not it states a
        // rule ("Client owns the work product"). A label followed by text ("Training Data: your music...") is not.
        var colon = text.IndexOf(':');
        if (colon >= 0 && colon < text.Length - 1)
        {
            return false;
        }

        return (char.IsUpper(text[0]) || char.IsDigit(text[0])) && (allCaps || words <= 8);
    }

    /// <summary>"Ownership. Consultant hereby..." or "Grant of Rights: ..." : the end of a short title-case lead phrase
    /// (with no modal or verb of its own) followed by a sentence; 0 when there is none.</summary>
    private static int InlineHeadingEnd(string text, int from)
    {
        var limit = Math.Min(text.Length, from + 120);
        for (var i = from; i < limit; i++)
        {
            if (text[i] is not ('.' or ':'))
            {
                continue;
            }

            var next = i + 1;
            if (next >= text.Length || !char.IsWhiteSpace(text[next]))
            {
                continue;
            }

            while (next < text.Length && char.IsWhiteSpace(text[next]))
            {
                next++;
            }

            // The next sentence starts with a capital (or a name styled in lower case: "xAI shall ...").
            if (next >= text.Length)
            {
                return 0;
            }

            var styled = char.IsLower(text[next]) && next + 1 < text.Length && text.AsSpan(next + 1, Math.Min(6, text.Length - next - 1)).IndexOfAnyInRange('A', 'Z') >= 0;
            if (!(char.IsUpper(text[next]) || text[next] is '"' or '“' or '(' || char.IsDigit(text[next]) || styled))
            {
                return 0;
            }

            var phrase = text.AsSpan(from, i - from).Trim('*').Trim();
            return IsTitlePhrase(phrase) || IsGerundTitle(phrase) ? next : 0;
        }

        return 0;
    }

    /// <summary>"Electing whether your User Content is used for model training.", "Connecting to third-party services.":
    /// a short opening phrase led by a gerund, with no modal of its own, titles the paragraph.</summary>
    private static bool IsGerundTitle(ReadOnlySpan<char> phrase)
    {
        var firstEnd = phrase.IndexOf(' ');
        var first = firstEnd < 0 ? phrase : phrase[..firstEnd];
        if (!char.IsUpper(first[0]) || !first.EndsWith("ing", StringComparison.Ordinal) || first.Length < 5 || CountWords(phrase) > 15)
        {
            return false;
        }

        foreach (var range in phrase.Split(' '))
        {
            var word = phrase[range];
            if (word.Equals("may", StringComparison.OrdinalIgnoreCase) || word.Equals("shall", StringComparison.OrdinalIgnoreCase)
                || word.Equals("will", StringComparison.OrdinalIgnoreCase) || word.Equals("must", StringComparison.OrdinalIgnoreCase)
                || word.Equals("can", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsTitlePhrase(ReadOnlySpan<char> phrase)
    {
        if (phrase.IsEmpty || !char.IsUpper(phrase[0]) || CountWords(phrase) > 7)
        {
            return false;
        }

        var lowercaseWords = 0;
        foreach (var range in phrase.Split(' '))
        {
            var word = phrase[range].Trim(',').Trim('"').Trim('“').Trim('”');
            if (word.IsEmpty)
            {
                continue;
            }

            if (IsVerbLike(word))
            {
                return false;
            }

            if (!char.IsUpper(word[0]) && !char.IsDigit(word[0]) && !SmallWords.Contains(word.ToString()))
            {
                lowercaseWords++;
            }
        }

        // "Ownership of translation" keeps one lower-case word; a sentence has more.
        return lowercaseWords <= 1;
    }

    private static bool IsVerbLike(ReadOnlySpan<char> word) =>
        word.Equals("may", StringComparison.OrdinalIgnoreCase) || word.Equals("shall", StringComparison.OrdinalIgnoreCase)
        || word.Equals("will", StringComparison.OrdinalIgnoreCase) || word.Equals("must", StringComparison.OrdinalIgnoreCase)
        || word.Equals("is", StringComparison.OrdinalIgnoreCase) || word.Equals("are", StringComparison.OrdinalIgnoreCase)
        || word.Equals("owns", StringComparison.OrdinalIgnoreCase) || word.Equals("can", StringComparison.OrdinalIgnoreCase)
        || word.Equals("grants", StringComparison.OrdinalIgnoreCase) || word.Equals("agrees", StringComparison.OrdinalIgnoreCase);

    private static bool IsAllCaps(ReadOnlySpan<char> text)
    {
        var letters = 0;
        foreach (var c in text)
        {
            if (char.IsLetter(c))
            {
                if (char.IsLower(c))
                {
                    return false;
                }

                letters++;
            }
        }

        return letters >= 3;
    }

    private static int CountWords(ReadOnlySpan<char> text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var letter = !char.IsWhiteSpace(c);
            if (letter && !inWord)
            {
                count++;
            }

            inWord = letter;
        }

        return count;
    }
}

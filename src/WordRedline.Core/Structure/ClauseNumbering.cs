namespace WordRedline.Core;

/// <summary>Reads the number a paragraph starts with: "7.2", "3.", "(a)", "iv)", "Section 5", "Article II", "§ 4".</summary>
internal static class ClauseNumbering
{
    private static readonly string[] Words = ["Section", "SECTION", "Article", "ARTICLE", "Clause", "CLAUSE", "Schedule", "Exhibit", "Part", "PART", "§"];

    /// <summary>The length of the leading number and the spaces after it; 0 when the paragraph has none.</summary>
    public static int NumberLength(ReadOnlySpan<char> text)
    {
        var number = Number(text, out var length);
        return number.Length == 0 ? 0 : length;
    }

    /// <summary>The leading number as written, without trailing dot or spaces ("7.2", "(a)", "Section 5"), or "".</summary>
    public static string Read(string text) => Number(text.AsSpan(), out _).ToString();

    private static ReadOnlySpan<char> Number(ReadOnlySpan<char> text, out int length)
    {
        length = 0;
        var start = 0;
        while (start < text.Length && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        var s = text[start..];
        var at = 0;
        foreach (var word in Words)
        {
            if (s.StartsWith(word, StringComparison.Ordinal) && s.Length > word.Length && (s[word.Length] == ' ' || word == "§"))
            {
                at = word.Length;
                while (at < s.Length && s[at] == ' ')
                {
                    at++;
                }

                var tail = Number(s[at..], out var tailLength);
                if (tail.Length == 0)
                {
                    return [];
                }

                length = start + at + tailLength;
                return s[..(at + tail.Length)].TrimEnd();
            }
        }

        // (a) (iv) (1) (A)
        if (s.Length > 2 && s[0] == '(')
        {
            var close = s[..Math.Min(s.Length, 7)].IndexOf(')');
            if (close > 1 && IsEnumerator(s[1..close]))
            {
                return Finish(s, start, close + 1, out length);
            }

            return [];
        }

        // 7.2  7.2.1  3.  12)  a)  iv.  A.
        var i = 0;
        while (i < s.Length && (char.IsDigit(s[i]) || (s[i] == '.' && i + 1 < s.Length && char.IsDigit(s[i + 1]))))
        {
            i++;
        }

        if (i > 0)
        {
            if (i < s.Length && s[i] is '.' or ')')
            {
                i++;
            }
            else if (i < s.Length && !char.IsWhiteSpace(s[i]))
            {
                return [];
            }

            return Finish(s, start, i, out length);
        }

        var letters = 0;
        while (letters < s.Length && letters < 5 && char.IsLetter(s[letters]))
        {
            letters++;
        }

        if (letters > 0 && letters < s.Length && s[letters] is '.' or ')' && IsEnumerator(s[..letters])
            && letters + 1 < s.Length && s[letters + 1] == ' ')
        {
            return Finish(s, start, letters + 1, out length);
        }

        return [];
    }

    private static ReadOnlySpan<char> Finish(ReadOnlySpan<char> s, int start, int end, out int length)
    {
        // A number must be followed by a space (or end the paragraph); "3.5%" or "2025" alone is not a clause number.
        if (end < s.Length && !char.IsWhiteSpace(s[end]))
        {
            length = 0;
            return [];
        }

        var after = end;
        while (after < s.Length && char.IsWhiteSpace(s[after]))
        {
            after++;
        }

        length = start + after;
        return s[..end].TrimEnd('.').TrimEnd();
    }

    // a, b, ... z, aa; i, ii, iv, x; A, B; 1, 12.
    private static bool IsEnumerator(ReadOnlySpan<char> s)
    {
        if (s.Length == 0 || s.Length > 5)
        {
            return false;
        }

        foreach (var c in s)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }

        if (char.IsDigit(s[0]))
        {
            return true;
        }

        if (s.Length == 1)
        {
            return true;
        }

        // Several letters: only roman numerals or a doubled letter (aa).
        foreach (var c in s)
        {
            if (char.ToLowerInvariant(c) is not ('i' or 'v' or 'x' or 'l'))
            {
                return s.Length == 2 && s[0] == s[1];
            }
        }

        return true;
    }
}

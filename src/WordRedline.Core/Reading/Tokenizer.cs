using System.Globalization;
using System.Text;

namespace WordRedline.Core;

/// <summary>Splits a paragraph into word and punctuation tokens in one pass. Words keep inner apostrophes and hyphens
/// ("royalty-free", "Company's"); contractions are split so "won't" reads as a modal and a negation and "we'll" as a
/// pronoun and a modal; a possessive "'s" marks its word instead of being a word.</summary>
internal static class Tokenizer
{
    public static void Tokenize(string text, List<Token> tokens)
    {
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                i++;
                continue;
            }

            // A template placeholder ({customer_name}) is one blank, not words.
            if (c == '{')
            {
                var close = text.IndexOf('}', i + 1, Math.Min(80, text.Length - i - 1));
                if (close > i)
                {
                    tokens.Add(new Token { Start = i, Length = close - i + 1, Shape = Shape.Punctuation, Mark = '{', PhraseEnd = tokens.Count + 1 });
                    i = close + 1;
                    continue;
                }
            }

            if (IsWordChar(text, i))
            {
                var start = i;
                i += RuneLength(text, i);
                while (i < text.Length)
                {
                    if (IsWordChar(text, i))
                    {
                        i += RuneLength(text, i);
                    }
                    else if (IsJoiner(text[i]) && i + 1 < text.Length && IsWordChar(text, i + 1))
                    {
                        i++;
                    }
                    else
                    {
                        break;
                    }
                }

                AddWord(text, start, i, tokens);
                continue;
            }

            tokens.Add(new Token { Start = i, Length = RuneLength(text, i), Shape = Shape.Punctuation, Mark = c, PhraseEnd = tokens.Count + 1 });
            i += RuneLength(text, i);
        }
    }

    private static void AddWord(string text, int start, int end, List<Token> tokens)
    {
        // Contractions and possessives: "won't" = "wo" + "n't", "we'll" = "we" + "'ll", "Client's" = possessive Client.
        var word = text.AsSpan(start, end - start);
        var apostrophe = word.LastIndexOfAny('\'', '’');
        if (apostrophe > 0)
        {
            var tail = word[(apostrophe + 1)..];
            if (tail.Equals("s", StringComparison.OrdinalIgnoreCase) && !IsContractedIs(word[..apostrophe]))
            {
                tokens.Add(Word(text, start, apostrophe, possessive: true, tokens.Count));
                return;
            }

            if (tail.Equals("t", StringComparison.OrdinalIgnoreCase) && apostrophe > 1 && (word[apostrophe - 1] is 'n' or 'N'))
            {
                tokens.Add(Word(text, start, apostrophe - 1, possessive: false, tokens.Count));
                tokens.Add(Word(text, start + apostrophe - 1, word.Length - apostrophe + 1, possessive: false, tokens.Count));
                return;
            }

            if (tail.Length is 1 or 2 && IsContractionTail(tail))
            {
                tokens.Add(Word(text, start, apostrophe, possessive: false, tokens.Count));
                tokens.Add(Word(text, start + apostrophe, word.Length - apostrophe, possessive: false, tokens.Count));
                return;
            }
        }

        // "Parties'" (a plural possessive) ends in an apostrophe, which is not a word character: look one past the end.
        var pluralPossessive = end < text.Length && text[end] is '\'' or '’' && word[^1] is 's' or 'S'
            && (end + 1 == text.Length || !char.IsLetter(text[end + 1]));
        tokens.Add(Word(text, start, word.Length, pluralPossessive, tokens.Count));
    }

    private static bool IsContractedIs(ReadOnlySpan<char> word) =>
        word.Equals("it", StringComparison.OrdinalIgnoreCase) || word.Equals("that", StringComparison.OrdinalIgnoreCase)
        || word.Equals("there", StringComparison.OrdinalIgnoreCase) || word.Equals("what", StringComparison.OrdinalIgnoreCase)
        || word.Equals("let", StringComparison.OrdinalIgnoreCase);

    private static bool IsContractionTail(ReadOnlySpan<char> tail) =>
        tail.Equals("ll", StringComparison.OrdinalIgnoreCase) || tail.Equals("d", StringComparison.OrdinalIgnoreCase)
        || tail.Equals("ve", StringComparison.OrdinalIgnoreCase) || tail.Equals("re", StringComparison.OrdinalIgnoreCase)
        || tail.Equals("m", StringComparison.OrdinalIgnoreCase);

    private static Token Word(string text, int start, int length, bool possessive, int index)
    {
        var span = text.AsSpan(start, length);
        return new Token
        {
            Start = start,
            Length = length,
            Shape = ShapeOf(span),
            Possessive = possessive,
            PhraseEnd = index + 1,
        };
    }

    private static Shape ShapeOf(ReadOnlySpan<char> word)
    {
        if (char.IsDigit(word[0]))
        {
            return Shape.Number;
        }

        if (!char.IsUpper(word[0]))
        {
            return Shape.Lower;
        }

        var letters = 0;
        foreach (var c in word)
        {
            if (char.IsLetter(c))
            {
                letters++;
                if (char.IsLower(c))
                {
                    return Shape.Capitalized;
                }
            }
        }

        return letters > 1 ? Shape.Upper : Shape.Capitalized;
    }

    // Letters, digits and combining marks make words; an apostrophe or hyphen joins two word parts.
    private static bool IsWordChar(string text, int i)
    {
        var c = text[i];
        if (c < 128)
        {
            return char.IsAsciiLetterOrDigit(c);
        }

        if (char.IsHighSurrogate(c))
        {
            return i + 1 < text.Length && Rune.TryCreate(c, text[i + 1], out var rune) && Rune.IsLetterOrDigit(rune);
        }

        return char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
    }

    private static bool IsJoiner(char c) => c is '\'' or '’' or '-' or '‑';

    private static int RuneLength(string text, int i) =>
        char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
}

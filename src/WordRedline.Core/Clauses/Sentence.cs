namespace WordRedline.Core;

/// <summary>A sentence as the reader sees it: its own tokens (the focus), preceded, for a list item, by the lead-in
/// sentence it completes ("Licensee may:" + "(b) modify the Track"). Actor, modality and grants may come from the
/// lead-in; what the sentence is about (the words a finding quotes) must lie in the focus.</summary>
internal sealed class Sentence
{
    private readonly int[] tokens;

    public Sentence(int[] tokens, int focusFrom, int bodyFrom = -1)
    {
        this.tokens = tokens;
        FocusFrom = focusFrom;
        BodyFrom = Math.Max(focusFrom, bodyFrom);
    }

    public int Count => tokens.Length;

    /// <summary>Index (in this sentence) of the first focus token; before it is lead-in context.</summary>
    public int FocusFrom { get; }

    /// <summary>The document token at position <paramref name="k"/> of the sentence.</summary>
    public int this[int k] => tokens[k];

    public bool InFocus(int k) => k >= FocusFrom;

    /// <summary>Index of the first focus token after the clause's inline heading ("Adapt and Display Content: Reproduce,
    /// modify ..."): a heading names a clause, its words grant nothing.</summary>
    public int BodyFrom { get; }

    public int FirstFocusToken => tokens[FocusFrom];

    public int LastToken => tokens[^1];
}

/// <summary>Splits the document into sentences over tokens: at a full stop, question or exclamation mark followed by
/// a capital, a number, a quote or a bracket (common abbreviations excepted), and at the end of a paragraph unless
/// the next line continues it. A list item's sentences get its lead-in sentence as context.</summary>
internal static class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(
        ["e.g", "i.e", "etc", "inc", "ltd", "llc", "co", "corp", "no", "nos", "sec", "art", "vs", "mr", "mrs", "ms", "dr", "st", "u.s", "cf", "approx", "incl", "para", "e", "g", "i", "u", "s", "v", "pp", "ss", "al"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Sentences as [start, end) document token ranges, in order, never crossing from one block of run-on
    /// paragraphs into the next.</summary>
    public static List<(int Start, int End)> Split(DocumentText document, ParagraphInfo[] infos)
    {
        var sentences = new List<(int, int)>();
        var lookup = Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>();
        var p = 0;
        while (p < infos.Length)
        {
            // A block: paragraphs joined by run-on lines.
            var first = p;
            while (p < infos.Length - 1 && infos[p].RunsOn)
            {
                p++;
            }

            var start = document.ParagraphStart(first);
            var end = document.ParagraphEnd(p);
            p++;
            var sentenceStart = start;
            for (var i = start; i < end; i++)
            {
                var token = document[i];
                if (token.Shape != Shape.Punctuation || token.Mark is not ('.' or '!' or '?' or '…'))
                {
                    continue;
                }

                var after = i + 1;
                while (after < end && document[after].Shape == Shape.Punctuation && document[after].Mark is '"' or '”' or '’' or '\'' or ')' or ']' or '.')
                {
                    after++;
                }

                if (after >= end)
                {
                    break;
                }

                var next = document[after];
                var startsSentence = next.Shape is Shape.Capitalized or Shape.Upper or Shape.Number
                    || (next.Shape == Shape.Punctuation && next.Mark is '"' or '“' or '(' or '[' or '*' or '_' or '•' or '-');
                if (!startsSentence || (token.Mark == '.' && IsAbbreviation(document, i, start, lookup)))
                {
                    continue;
                }

                // The next token must start after some space: "3.5" and "U.S." keep going.
                if (next.Start == token.Start + token.Length && document.ParagraphOf(after) == document.ParagraphOf(i) && next.Shape != Shape.Punctuation)
                {
                    continue;
                }

                AddBounded(document, sentences, sentenceStart, after);
                sentenceStart = after;
                i = after - 1;
            }

            if (sentenceStart < end)
            {
                AddBounded(document, sentences, sentenceStart, end);
            }
        }

        return sentences;
    }

    /// <summary>The longest sentence the reader takes whole. Real clauses stay well under it; a page of text with no full
    /// stop (pasted, or hostile) is read in pieces cut at a semicolon or comma, so reading stays linear in its length.</summary>
    internal const int MaxTokens = 400;

    private static void AddBounded(DocumentText document, List<(int Start, int End)> sentences, int start, int end)
    {
        while (end - start > MaxTokens)
        {
            var cut = start + MaxTokens;
            for (var i = cut - 1; i > start + MaxTokens / 2; i--)
            {
                if (document[i].Shape == Shape.Punctuation && document[i].Mark is ';' or ',')
                {
                    cut = i + 1;
                    break;
                }
            }

            sentences.Add((start, cut));
            start = cut;
        }

        sentences.Add((start, end));
    }

    private static bool IsAbbreviation(DocumentText document, int dot, int blockStart, HashSet<string>.AlternateLookup<ReadOnlySpan<char>> lookup)
    {
        if (dot == blockStart)
        {
            return false;
        }

        var before = document[dot - 1];
        if (before.Shape == Shape.Punctuation || before.End != document[dot].Start)
        {
            return false;
        }

        // A single capital before a full stop is an initial ("J. Smith") or a list letter; a number is "Section 3.".
        var word = document.Word(dot - 1);
        return lookup.Contains(word) || (word.Length == 1 && char.IsUpper(word[0]));
    }
}

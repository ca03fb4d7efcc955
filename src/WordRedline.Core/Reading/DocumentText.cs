namespace WordRedline.Core;

/// <summary>Every paragraph's tokens in one list, in document order, so a sentence that runs over several lines is one
/// range of tokens. A token's offsets are in its own paragraph's text.</summary>
internal sealed class DocumentText
{
    private readonly List<Token> tokens;
    private readonly int[] paragraphStarts;
    private readonly Concept[] paragraphConcepts;

    public DocumentText(IReadOnlyList<string> texts, Lexicon lexicon)
    {
        Texts = texts;
        tokens = new List<Token>(texts.Sum(t => t.Length) / 5 + 16);
        paragraphStarts = new int[texts.Count + 1];
        paragraphConcepts = new Concept[texts.Count];
        var scratch = new List<Token>(256);
        for (var p = 0; p < texts.Count; p++)
        {
            paragraphStarts[p] = tokens.Count;
            scratch.Clear();
            Tokenizer.Tokenize(texts[p], scratch);
            lexicon.Annotate(texts[p], scratch);
            var offset = tokens.Count;
            foreach (var token in scratch)
            {
                var shifted = token;
                shifted.PhraseEnd += offset;
                tokens.Add(shifted);
                paragraphConcepts[p] |= token.Concepts;
            }
        }

        paragraphStarts[texts.Count] = tokens.Count;
    }

    public IReadOnlyList<string> Texts { get; }

    public int Count => tokens.Count;

    public Token this[int index] => tokens[index];

    /// <summary>Every concept the paragraph's words carry as read, gathered once, so asking it per sentence costs nothing
    /// however long the paragraph. (The party matcher later clears action and recipient concepts on names; ask this only
    /// for concepts it leaves alone, such as moral rights.)</summary>
    public bool ParagraphHas(int paragraph, Concept concept) => (paragraphConcepts[paragraph] & concept) != 0;

    /// <summary>Tokens are annotated in place by the party matcher.</summary>
    public void Set(int index, Token token) => tokens[index] = token;

    public int ParagraphStart(int paragraph) => paragraphStarts[paragraph];

    public int ParagraphEnd(int paragraph) => paragraphStarts[paragraph + 1];

    public int ParagraphOf(int token)
    {
        var found = Array.BinarySearch(paragraphStarts, token);
        if (found < 0)
        {
            return ~found - 1;
        }

        // Empty paragraphs share a start: the token belongs to the last paragraph starting there.
        while (found + 1 < paragraphStarts.Length - 1 && paragraphStarts[found + 1] == token)
        {
            found++;
        }

        return found;
    }

    public ReadOnlySpan<char> Word(int token)
    {
        var t = tokens[token];
        return Texts[ParagraphOf(token)].AsSpan(t.Start, t.Length);
    }

}

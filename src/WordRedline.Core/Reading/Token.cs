namespace WordRedline.Core;

/// <summary>How a token is written: the reader uses case to tell a defined term ("Company") from a common word.</summary>
internal enum Shape : byte
{
    Lower,
    Capitalized,
    Upper,
    Number,
    Punctuation,
}

/// <summary>Which side a mention names: the protected party, the other side, or someone else (third parties, the
/// public).</summary>
internal enum Side : byte
{
    None,
    Party,
    Counterparty,
    Third,
}

/// <summary>One word or punctuation mark of a paragraph. <see cref="Concepts"/> holds the meaning of the word and of
/// any phrase that starts here (ending before <see cref="PhraseEnd"/>); <see cref="Side"/> says which party a mention
/// names.</summary>
internal struct Token
{
    public int Start;
    public int Length;
    public Concept Concepts;
    public int PhraseEnd;
    public Shape Shape;
    public Side Side;
    public bool Possessive;

    /// <summary>Part of the document's term for the protected party's work ("the Software" in a licence the author
    /// grants): the party's material even where the word usually names the other side's service.</summary>
    public bool Work;

    /// <summary>For punctuation, the character; otherwise '\0'.</summary>
    public char Mark;

    public readonly int End => Start + Length;

    public readonly bool Is(Concept concept) => (Concepts & concept) != 0;

    public readonly bool IsMark(char c) => Mark == c;
}

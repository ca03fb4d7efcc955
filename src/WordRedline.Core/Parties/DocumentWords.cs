namespace WordRedline.Core;

/// <summary>Counts over the part of the document where parties are defined and named (its first 200,000 characters:
/// parties are defined up front), so party detection costs the same on any length of contract.</summary>
internal sealed class DocumentWords
{
    public const int ReadCharacters = 200_000;

    private readonly Dictionary<string, int> capitalizedCounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> standaloneCounts = new(StringComparer.Ordinal);

    public DocumentWords(IReadOnlyList<string> texts)
    {
        Texts = texts;
        var read = 0;
        var head = new List<string>();
        foreach (var text in texts)
        {
            if (read >= ReadCharacters)
            {
                break;
            }

            var part = text.Length > ReadCharacters - read ? text[..(ReadCharacters - read)] : text;
            head.Add(part);
            read += part.Length;
            CountWords(part);
        }

        Head = head;
    }

    public IReadOnlyList<string> Texts { get; }

    /// <summary>The paragraphs (or their first part) within the read limit.</summary>
    public IReadOnlyList<string> Head { get; }

    public int YouCount { get; private set; }
    public int WeCount { get; private set; }
    public int ICount { get; private set; }

    /// <summary>The document's spelling of the noun: "licence" where it writes so (British usage keeps "license" for
    /// the verb), else "license".</summary>
    public string LicenceNoun => BritishLicence > 0 ? "licence" : "license";

    private int BritishLicence { get; set; }

    /// <summary>Uses of the term that are not the first words of a longer capitalised name: "Voice" in "Voice Data" and
    /// "Customer" in "Customer Service Data" name a kind of data, not a work or a party.</summary>
    public int CountStandalone(string term)
    {
        if (standaloneCounts.TryGetValue(term, out var count))
        {
            return count;
        }

        foreach (var text in Head)
        {
            for (var at = text.IndexOf(term, StringComparison.Ordinal); at >= 0; at = text.IndexOf(term, at + term.Length, StringComparison.Ordinal))
            {
                var end = at + term.Length;
                var compound = at >= 2 && text[at - 1] == '-' && char.IsLetter(text[at - 2]);
                var longer = end + 1 < text.Length && text[end] == ' ' && char.IsUpper(text[end + 1]);
                if ((at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end])) && !compound && !longer)
                {
                    count++;
                }
            }
        }

        standaloneCounts[term] = count;
        return count;
    }

    /// <summary>How often a term occurs as written (a capitalised defined term), as a whole word or phrase.</summary>
    public int CountCapitalized(string term)
    {
        if (capitalizedCounts.TryGetValue(term, out var count))
        {
            return count;
        }

        foreach (var text in Head)
        {
            for (var at = text.IndexOf(term, StringComparison.Ordinal); at >= 0; at = text.IndexOf(term, at + term.Length, StringComparison.Ordinal))
            {
                var end = at + term.Length;
                // "Sub-Contractor" and "Co-Author" are other words, not uses of "Contractor" and "Author".
                var compound = at >= 2 && text[at - 1] == '-' && char.IsLetter(text[at - 2]);
                if ((at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end])) && !compound)
                {
                    count++;
                }
            }
        }

        capitalizedCounts[term] = count;
        return count;
    }

    private void CountWords(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetter(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && (char.IsLetter(text[i]) || text[i] is '\'' or '’'))
            {
                i++;
            }

            var word = text.AsSpan(start, i - start);
            if (word.StartsWith("licence", StringComparison.OrdinalIgnoreCase))
            {
                BritishLicence++;
            }

            if (word.Equals("you", StringComparison.OrdinalIgnoreCase) || word.Equals("your", StringComparison.OrdinalIgnoreCase)
                || word.Equals("you'll", StringComparison.OrdinalIgnoreCase) || word.Equals("you’ll", StringComparison.OrdinalIgnoreCase))
            {
                YouCount++;
            }
            else if (word.Equals("we", StringComparison.OrdinalIgnoreCase) || word.Equals("our", StringComparison.OrdinalIgnoreCase)
                || word.Equals("we'll", StringComparison.OrdinalIgnoreCase) || word.Equals("we’ll", StringComparison.OrdinalIgnoreCase)
                || (word.Equals("us", StringComparison.Ordinal)))
            {
                WeCount++;
            }
            else if ((word.Equals("I", StringComparison.Ordinal) && i < text.Length && text[i] == ' ') || word.Equals("my", StringComparison.OrdinalIgnoreCase)
                || word.Equals("me", StringComparison.Ordinal))
            {
                ICount++;
            }
        }
    }
}

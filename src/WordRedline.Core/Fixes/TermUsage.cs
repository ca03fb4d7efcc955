namespace WordRedline.Core;

/// <summary>How the document writes a term where it stands alone: with "the", with "your" or "our", or bare. A fix uses
/// the term the same way ("your Content" in terms that always say so, "Quora" where "the Quora" only ever begins "the
/// Quora Platform").</summary>
internal static class TermUsage
{
    private static readonly string[] Determiners = ["the", "your", "our"];

    // Words after which a term's determiner says nothing about how the document names it.
    private static readonly HashSet<string> Quantifiers = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "any", "all", "each", "every", "no", "such", "other", "this", "that", "these", "those", "its", "their",
        "his", "her", "my", "same", "said", "certain", "some",
    };

    /// <summary>The term with the determiner the document uses with it, when the document clearly uses another than
    /// <paramref name="term"/>'s: at least twice, and four times as often as the one given.</summary>
    public static NamedTerm Settle(NamedTerm term, IReadOnlyList<string> texts)
    {
        if (!term.Defined || NamedTerm.IsPronoun(term.Bare) || term.Bare.Length == 0 || Determiners.Any(d => term.Bare.StartsWith(d + " ", StringComparison.OrdinalIgnoreCase)))
        {
            return term;
        }

        var counts = Count(term.Bare, texts);
        if (counts.Count == 0)
        {
            return term;
        }

        var (usual, times) = counts.MaxBy(c => c.Value);
        return times >= 2 && counts.GetValueOrDefault(term.Article) * 4 <= times ? term with { Article = usual } : term;
    }

    /// <summary>Standalone uses of the term by determiner ("" for none): not inside a longer name ("the Quora Platform"),
    /// not in a definition's quotes, not at the start of a sentence or a line, where bare says nothing.</summary>
    public static Dictionary<string, int> Count(string term, IReadOnlyList<string> texts)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            for (var at = text.IndexOf(term, StringComparison.Ordinal); at >= 0; at = text.IndexOf(term, at + term.Length, StringComparison.Ordinal))
            {
                if (Determiner(text, at, term.Length) is { } determiner)
                {
                    counts[determiner] = counts.GetValueOrDefault(determiner) + 1;
                }
            }
        }

        return counts;
    }

    /// <summary>The determiner before a use of a term at <paramref name="at"/>, or null when the use tells nothing.</summary>
    public static string? Determiner(string text, int at, int length)
    {
        var end = at + length;
        if ((at > 0 && (char.IsLetterOrDigit(text[at - 1]) || text[at - 1] is '-' or '"' or '“' or '\'' or '‘'))
            || (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] is '-' or '"' or '”')))
        {
            return null;
        }

        // Inside a longer name ("Quora Platform", "Customer Content Policy") or a reference ("Article 28").
        if (end + 1 < text.Length && text[end] == ' ' && (char.IsUpper(text[end + 1]) || char.IsDigit(text[end + 1])))
        {
            return null;
        }

        var before = text.AsSpan(0, at).TrimEnd();
        if (before.Length == 0 || before[^1] is '.' or '!' or '?' or ':' or ';' or '(' or '"' or '“')
        {
            return null;
        }

        var space = before.LastIndexOfAny(' ', '(', '\t');
        var word = before[(space + 1)..].ToString();
        if (char.IsUpper(word[0]) && !Determiners.Contains(word.ToLowerInvariant()))
        {
            // "Customer's Content" names an owner; "Pre-Existing Content" is part of a longer name.
            return null;
        }

        var lower = word.ToLowerInvariant();
        return Quantifiers.Contains(lower) || lower.EndsWith("'s", StringComparison.Ordinal) || lower.EndsWith("’s", StringComparison.Ordinal) ? null
            : Determiners.Contains(lower) ? lower : "";
    }
}

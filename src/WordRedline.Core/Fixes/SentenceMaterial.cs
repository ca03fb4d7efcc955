namespace WordRedline.Core;

/// <summary>What a sentence gives away, named as the document names it: the work term when the sentence mentions it,
/// otherwise the defined material it licenses ("Designer Materials", "Customer's Pre-Existing Materials", "your Personal
/// Data"), so a carve-out after a licence of one thing does not speak of another. A sentence that names no material
/// ("it", "such content") keeps the work term.</summary>
internal static class SentenceMaterial
{
    // Words that open a name but are not part of it: "All Usage Data", "The Customer Content".
    private static readonly HashSet<string> Openers = new(StringComparer.Ordinal)
    {
        "The", "All", "Any", "Such", "Each", "This", "These", "That", "Those", "Our", "Its", "Their", "No", "Other",
    };

    public static HashSet<string> Heads(IEnumerable<string> workTerms) =>
        new(workTerms.Select(t => t.Split(' ')[^1]).Append("Data").Append("Information"), StringComparer.Ordinal);

    public static NamedTerm Of(string text, SentenceSpan sentence, int quote, PartyRoles roles, IReadOnlyList<string> texts, HashSet<string> heads)
    {
        var start = Math.Clamp(sentence.Start, 0, text.Length);
        var end = sentence.End < start ? text.Length : Math.Min(sentence.End, text.Length);
        var work = roles.Work;
        if (work.Defined && Mentions(text, start, end, work.Bare))
        {
            return work;
        }

        // Only the part of the sentence the finding is in: a list item "(b) ..." or a clause between semicolons names
        // its own material; another item's is not what this one gives.
        (start, end) = Part(text, start, end, Math.Clamp(quote, start, end));
        var runs = Runs(text, start, end).Where(r => IsMaterial(text, r, roles, texts, heads)).ToList();
        if (runs.Count == 0)
        {
            return work;
        }

        // The material nearest the finding's words: the object after "licence to use", the subject before "may be used".
        var (at, length) = runs.MinBy(r => r.At >= quote ? r.At - quote : quote - r.At - r.Length);
        var bare = text.Substring(at, length);
        var written = TermUsage.Determiner(text, at, length);
        if (written is null && Owner(text, at) is { } owner)
        {
            return new NamedTerm(bare, owner, true);
        }

        var term = new NamedTerm(bare, written ?? "", true);
        return written is null || written.Length == 0 ? TermUsage.Settle(term, texts) : term;
    }

    private static (int Start, int End) Part(string text, int start, int end, int quote)
    {
        var from = start;
        var to = end;
        for (var i = start; i < end; i++)
        {
            var boundary = text[i] is ';' or ':' || (text[i] == '(' && i + 2 < end && text[i + 2] == ')' && char.IsLetter(text[i + 1]))
                || (text[i] == '(' && i + 3 < end && text[i + 3] == ')' && text[i + 1] == 'i' && text[i + 2] is 'i' or 'v' or 'x');
            if (!boundary)
            {
                continue;
            }

            if (i < quote)
            {
                from = i;
            }
            else if (i > quote)
            {
                to = i;
                break;
            }
        }

        return (from, to);
    }

    private static bool Mentions(string text, int start, int end, string term)
    {
        for (var at = text.IndexOf(term, start, StringComparison.Ordinal); at >= 0 && at + term.Length <= end; at = text.IndexOf(term, at + 1, StringComparison.Ordinal))
        {
            var after = at + term.Length;
            if ((at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (after >= text.Length || !char.IsLetterOrDigit(text[after])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Runs of capitalised words ("Pre-Existing Materials"), without an opening determiner.</summary>
    private static IEnumerable<(int At, int Length)> Runs(string text, int start, int end)
    {
        var i = start;
        while (i < end)
        {
            if (!char.IsUpper(text[i]) || (i > 0 && (char.IsLetterOrDigit(text[i - 1]) || text[i - 1] is '-' or '\'' or '’')))
            {
                i++;
                continue;
            }

            var runStart = i;
            var runEnd = WordEnd(text, i, end);
            while (runEnd + 1 < end && text[runEnd] == ' ' && char.IsUpper(text[runEnd + 1]))
            {
                runEnd = WordEnd(text, runEnd + 1, end);
            }

            // "The Customer Content": the opener is not part of the name.
            var first = WordEnd(text, runStart, runEnd);
            if (Openers.Contains(text[runStart..first]) && first < runEnd)
            {
                runStart = first + 1;
            }

            // "Article 28", "Section 5": a heading or a reference, not material.
            var numbered = runEnd + 1 < text.Length && text[runEnd] == ' ' && char.IsDigit(text[runEnd + 1]);
            if (!numbered && !Openers.Contains(text[runStart..runEnd]))
            {
                yield return (runStart, runEnd - runStart);
            }

            i = runEnd;
        }
    }

    private static int WordEnd(string text, int i, int end)
    {
        while (i < end && (char.IsLetterOrDigit(text[i]) || (text[i] == '-' && i + 1 < end && char.IsUpper(text[i + 1]))))
        {
            i++;
        }

        return i;
    }

    private static bool IsMaterial(string text, (int At, int Length) run, PartyRoles roles, IReadOnlyList<string> texts, HashSet<string> heads)
    {
        var name = text.Substring(run.At, run.Length);
        var words = name.Split(' ');
        string[] sides = [roles.Party.Bare, roles.Counterparty.Bare];
        if (!heads.Contains(words[^1]) || sides.Contains(name, StringComparer.Ordinal)
            || sides.Any(s => s.Length > 0 && name.StartsWith(s + " ", StringComparison.Ordinal))
            || (roles.Purpose is { } purpose && purpose.Bare == name))
        {
            return false;
        }

        // The other side's own: "Meta Products" (a name the document gives the other side), "our Products" where "we"
        // is the other side, in the sentence or as the document usually writes it.
        if (roles.Mentions.Any(m => m.Side == Side.Counterparty && !m.IgnoreCase && name.StartsWith(string.Join(' ', m.Words) + " ", StringComparison.Ordinal)))
        {
            return false;
        }

        var theirs = roles.Counterparty.Bare.ToLowerInvariant() switch { "we" or "us" => "our", "you" => "your", _ => null };
        if (theirs is not null && (TermUsage.Determiner(text, run.At, run.Length) == theirs
            || TermUsage.Count(name, texts) is { Count: > 0 } usage && usage.MaxBy(u => u.Value).Key == theirs))
        {
            return false;
        }

        // A name the document uses as a term, not a heading's words: written at least twice.
        return texts.Sum(t => Occurrences(t, name)) >= 2;
    }

    private static int Occurrences(string text, string name)
    {
        var count = 0;
        for (var at = text.IndexOf(name, StringComparison.Ordinal); at >= 0; at = text.IndexOf(name, at + name.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    /// <summary>"Customer's Pre-Existing Materials": the owner's possessive as the sentence writes it.</summary>
    private static string? Owner(string text, int at)
    {
        var before = text.AsSpan(0, at).TrimEnd();
        var space = before.LastIndexOf(' ');
        var word = before[(space + 1)..].ToString();
        return word.Length > 2 && char.IsUpper(word[0]) && (word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("’s", StringComparison.Ordinal)) ? word : null;
    }
}

namespace WordRedline.Core;

/// <summary>A term the document defines, exactly as written, with the article the document uses with it.</summary>
/// <param name="Text">"Agency", "Customer Data", "Your Content".</param>
/// <param name="Article">"the" when the document writes "the Agency" (most of the time), else "".</param>
/// <param name="Paragraph">Where it is defined.</param>
/// <param name="Names">Names defined together with it ("Brightline Creative Agency LLC" for "Agency"; "GitHub" for "We").</param>
internal sealed record DefinedTerm(string Text, string Article, int Paragraph, IReadOnlyList<string> Names)
{
    /// <summary>How the fix writer names it inside a sentence ("the Agency", "Customer Data").</summary>
    public string InSentence => Article.Length == 0 ? Text : $"{Article} {Text}";
}

/// <summary>Finds the document's defined terms: parentheticals ("Agency"), (the "Client"), ("GitHub," "We," or "Us");
/// hereinafter clauses; and "X" means ... definitions. One pass with bounded look-ahead, no regular expression, so
/// hostile text stays linear.</summary>
internal static class DefinedTermScanner
{
    private const int MaxTermLength = 60;
    private const int MaxParenthetical = 240;

    public static List<DefinedTerm> Scan(IReadOnlyList<string> texts, int maxCharacters)
    {
        var found = new List<(string Term, int Paragraph, List<string> Names)>();
        var read = 0;
        for (var p = 0; p < texts.Count && read < maxCharacters; p++)
        {
            var text = texts[p];
            read += text.Length;
            ScanParentheticals(text, p, found);
            ScanMeans(text, p, found);
            ScanHereinafter(text, p, found);
        }

        var terms = new List<DefinedTerm>();
        foreach (var group in found.GroupBy(f => f.Term, StringComparer.Ordinal))
        {
            var first = group.First();
            var names = group.SelectMany(g => g.Names).Distinct(StringComparer.Ordinal).ToList();
            terms.Add(new DefinedTerm(first.Term, ArticleOf(first.Term, texts, DefinedWithThe(texts[first.Paragraph], first.Term)), first.Paragraph, names));
        }

        return terms;
    }

    /// <summary>"the" when at least half of the term's uses after its definition follow "the" (a term written as a
    /// possessive, "Agency's", counts for neither).</summary>
    /// <summary>(the "Project"): the definition itself uses the article.</summary>
    private static bool DefinedWithThe(string text, string term)
    {
        foreach (var quote in (ReadOnlySpan<string>)["\"", "“"])
        {
            var at = text.IndexOf(quote + term, StringComparison.Ordinal);
            if (at >= 4 && text.AsSpan(0, at).TrimEnd().EndsWith("the", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    internal static string ArticleOf(string term, IReadOnlyList<string> texts, bool definedWithThe = false)
    {
        int with = 0, without = 0;
        foreach (var text in texts)
        {
            for (var at = text.IndexOf(term, StringComparison.Ordinal); at >= 0; at = text.IndexOf(term, at + term.Length, StringComparison.Ordinal))
            {
                var end = at + term.Length;
                if ((at > 0 && char.IsLetterOrDigit(text[at - 1])) || (end < text.Length && char.IsLetterOrDigit(text[end])))
                {
                    continue;
                }

                // Inside its own definition's quotes it is a name, not a use.
                if (at > 0 && text[at - 1] is '"' or '“' or '\'' or '‘')
                {
                    continue;
                }

                var before = text.AsSpan(0, at).TrimEnd();
                if (before.EndsWith("the", StringComparison.OrdinalIgnoreCase) && (before.Length == 3 || !char.IsLetter(before[^4])))
                {
                    with++;
                }
                else if (!(before.EndsWith("a", StringComparison.Ordinal) || before.EndsWith("an", StringComparison.Ordinal) || before.EndsWith("each", StringComparison.OrdinalIgnoreCase)))
                {
                    without++;
                }
            }
        }

        // Too few uses to tell: the definition's own form decides.
        return with + without < 2 ? (definedWithThe || with > 0 ? "the" : "") : with > 0 && with >= without ? "the" : "";
    }

    private static void ScanParentheticals(string text, int paragraph, List<(string, int, List<string>)> found)
    {
        for (var open = text.IndexOf('('); open >= 0; open = text.IndexOf('(', open + 1))
        {
            var limit = Math.Min(text.Length, open + MaxParenthetical);
            var close = text.IndexOf(')', open + 1, limit - open - 1);
            if (close < 0)
            {
                continue;
            }

            var inside = text.AsSpan(open + 1, close - open - 1);
            var quoted = Quoted(inside);
            if (quoted.Count == 0)
            {
                continue;
            }

            // The words before the bracket name what is being defined ("Brightline Creative Agency LLC (the "Agency")").
            var name = NameBefore(text, open);
            foreach (var term in quoted)
            {
                var names = new List<string>();
                if (name is not null && !name.Equals(term, StringComparison.Ordinal))
                {
                    names.Add(name);
                }

                names.AddRange(quoted.Where(q => !q.Equals(term, StringComparison.Ordinal)));
                found.Add((term, paragraph, names));
            }
        }
    }

    private static void ScanMeans(string text, int paragraph, List<(string, int, List<string>)> found)
    {
        ScanReferList(text, paragraph, found);

        // "Customer Data" means ...; Customer Data means ... (a capitalised term at the start of the paragraph,
        // after any number or heading); "Deliverables" shall mean ...
        var trimmed = text.AsSpan().TrimStart();
        var skip = text.Length - trimmed.Length;
        var lead = ClauseNumbering.NumberLength(trimmed);
        var body = trimmed[lead..].TrimStart();
        skip += trimmed.Length - body.Length;
        if (body.Length < 3)
        {
            return;
        }

        string? term = null;
        var rest = ReadOnlySpan<char>.Empty;
        if (body[0] is '"' or '“')
        {
            var end = body[1..].IndexOfAny('"', '”');
            if (end > 0 && end <= MaxTermLength)
            {
                term = body.Slice(1, end).ToString().Trim().TrimEnd(',', '.');
                rest = body[(end + 2)..];
            }
        }

        if (term is null)
        {
            return;
        }

        rest = rest.TrimStart();
        if (rest.StartsWith("means", StringComparison.Ordinal) || rest.StartsWith("shall mean", StringComparison.Ordinal)
            || rest.StartsWith("will mean", StringComparison.Ordinal) || rest.StartsWith("refers to", StringComparison.Ordinal)
            || rest.StartsWith("has the meaning", StringComparison.Ordinal) || rest.StartsWith("is defined", StringComparison.Ordinal)
            || rest.StartsWith("or ", StringComparison.Ordinal) || rest.StartsWith(",", StringComparison.Ordinal))
        {
            found.Add((term, paragraph, []));
        }
    }

    /// <summary>"“GitHub,” “We,” and “Us” refer to GitHub, Inc., ...": several quoted terms defined together, each a name
    /// of the others and of the name after "refer to".</summary>
    private static void ScanReferList(string text, int paragraph, List<(string, int, List<string>)> found)
    {
        var head = text.AsSpan(0, Math.Min(text.Length, 200));
        foreach (var verb in (ReadOnlySpan<string>)[" refer to ", " refers to ", " mean ", " means "])
        {
            var at = head.IndexOf(verb, StringComparison.Ordinal);
            if (at <= 0)
            {
                continue;
            }

            var listStart = ListStart(head[..at]);
            var quoted = Quoted(head[listStart..at]);
            var opensSentence = head[..listStart].TrimEnd() is var before && (before.IsEmpty || before[^1] is '.' or ';' or ':');
            if (quoted.Count < 2 && !(quoted.Count == 1 && opensSentence && listStart > 0))
            {
                return;
            }

            var rest = text.AsSpan(at + verb.Length);
            var end = rest.IndexOfAny(",;.(");
            var name = (end < 0 ? rest : rest[..Math.Min(end + (end >= 0 && rest.Length > end + 5 && rest.Slice(end, 5).StartsWith(", Inc", StringComparison.Ordinal) ? 5 : 0), rest.Length)]).Trim().ToString();
            foreach (var term in quoted)
            {
                var names = quoted.Where(q => q != term).ToList();
                if (name.Length is > 1 and < 60)
                {
                    names.Add(name);
                }

                found.Add((term, paragraph, names));
            }

            return;
        }
    }

    /// <summary>Where the run of quoted terms that ends right before the verb begins: only quotes, commas, "and" and
    /// "or" may stand between them. "These Terms (“Terms”) are an agreement between X and you (“Customer”). “X” means"
    /// defines three terms one by one, not three names of one thing.</summary>
    private static int ListStart(ReadOnlySpan<char> head)
    {
        var start = head.Length;
        var i = head.Length;
        while (i > 0)
        {
            var gap = i;
            while (gap > 0 && (char.IsWhiteSpace(head[gap - 1]) || head[gap - 1] == ','))
            {
                gap--;
            }

            var joined = head[..gap];
            if (joined.EndsWith(" and", StringComparison.Ordinal) || joined.EndsWith(" or", StringComparison.Ordinal))
            {
                gap = joined.LastIndexOf(' ');
                while (gap > 0 && char.IsWhiteSpace(head[gap - 1]))
                {
                    gap--;
                }
            }

            if (gap == 0 || head[gap - 1] is not ('"' or '”'))
            {
                break;
            }

            var open = head[..(gap - 1)].LastIndexOfAny('"', '“');
            if (open < 0)
            {
                break;
            }

            start = open;
            i = open;
        }

        return start;
    }

    private static void ScanHereinafter(string text, int paragraph, List<(string, int, List<string>)> found)
    {
        for (var at = text.IndexOf("hereinafter", StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf("hereinafter", at + 11, StringComparison.OrdinalIgnoreCase))
        {
            var tail = text.AsSpan(at + 11, Math.Min(80, text.Length - at - 11));
            var quoted = Quoted(tail);
            if (quoted.Count > 0)
            {
                found.Add((quoted[0], paragraph, NameBefore(text, at) is { } name ? [name] : []));
            }
        }
    }

    /// <summary>The quoted strings in a short span: "Agency", “Client”.</summary>
    private static List<string> Quoted(ReadOnlySpan<char> span)
    {
        var result = new List<string>();
        var i = 0;
        while (i < span.Length)
        {
            var open = span[i..].IndexOfAny('"', '“');
            if (open < 0)
            {
                break;
            }

            open += i;
            var close = span[(open + 1)..].IndexOfAny('"', '”');
            if (close < 0)
            {
                break;
            }

            close += open + 1;
            var term = span[(open + 1)..close].ToString().Trim().TrimEnd(',', '.', ';').Trim();
            if (term.Length is > 0 and <= MaxTermLength && char.IsLetterOrDigit(term[0]))
            {
                result.Add(term);
            }

            i = close + 1;
        }

        return result;
    }

    /// <summary>Up to six capitalised words right before a bracket or "hereinafter": the name a term abbreviates.</summary>
    private static string? NameBefore(string text, int end)
    {
        var span = text.AsSpan(0, end).TrimEnd().TrimEnd(',').TrimEnd();
        // "Kiromic, Inc, a Delaware corporation (the "Company")": the name stands before the description.
        var comma = span.LastIndexOf(", a", StringComparison.Ordinal);
        if (comma > 0 && span.Length - comma < 80 && span[(comma + 3)..] is var rest && (rest.StartsWith(" ") || rest.StartsWith("n "))
            && rest.IndexOfAny(',', ';') < 0)
        {
            span = span[..comma].TrimEnd();
        }

        var start = span.Length;
        var words = 0;
        while (start > 0 && words < 6)
        {
            var wordEnd = start;
            while (start > 0 && !char.IsWhiteSpace(span[start - 1]))
            {
                start--;
            }

            var word = span[start..wordEnd];
            if (word.Length == 0 || !(char.IsUpper(word[0]) || char.IsDigit(word[0]) || word[0] == '&'))
            {
                start = wordEnd;
                break;
            }

            words++;
            while (start > 0 && char.IsWhiteSpace(span[start - 1]))
            {
                start--;
            }
        }

        var name = span[start..].Trim().ToString();
        return words > 0 && name.Length > 1 ? name : null;
    }
}

namespace WordRedline.Core;

/// <summary>Marks each token that names a side: the protected party's and the other side's terms, names and pronouns,
/// and third parties and the public (from the lexicon). A party's term overrides what the word means elsewhere
/// ("Agency" the party is not an agency in general; "Model" in a model release is not an AI model).</summary>
internal static class MentionMatcher
{
    public static void Mark(DocumentText document, IReadOnlyList<Mention> mentions, IReadOnlyList<DefinedTerm> defined, NamedTerm? work = null)
    {
        if (work is { Defined: true })
        {
            MarkWork(document, WordsOf(work.Bare));
        }

        MarkServiceNames(document, defined, work);

        var definedTerms = new HashSet<string>(defined.Select(d => d.Text), StringComparer.Ordinal);
        var byFirstWord = new Dictionary<string, List<(string[] Words, Mention Mention)>>(StringComparer.OrdinalIgnoreCase);
        foreach (var mention in mentions)
        {
            var words = WordsOf(string.Join(' ', mention.Words));
            if (words.Length == 0)
            {
                continue;
            }

            if (!byFirstWord.TryGetValue(words[0], out var list))
            {
                byFirstWord[words[0]] = list = [];
            }

            list.Add((words, mention));
        }

        foreach (var list in byFirstWord.Values)
        {
            list.Sort((a, b) => b.Words.Length.CompareTo(a.Words.Length));
        }

        var lookup = byFirstWord.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var i = 0; i < document.Count; i++)
        {
            var token = document[i];
            if (token.Shape == Shape.Punctuation)
            {
                continue;
            }

            if (lookup.TryGetValue(document.Word(i), out var candidates) && Match(document, i, candidates) is var (end, mention) && end > i)
            {
                // "other users", "another customer", "fellow members": someone else of the party's kind, a third party.
                // "other Spotify users": a name may stand between.
                var other = i > 0 && document[i - 1].Shape == Shape.Capitalized && i > 1 && document.ParagraphOf(i - 2) == document.ParagraphOf(i) ? i - 2 : i - 1;
                var side = other >= 0 && document.ParagraphOf(other) == document.ParagraphOf(i) && (document.Word(other).Equals("other", StringComparison.OrdinalIgnoreCase)
                    || document.Word(other).Equals("another", StringComparison.OrdinalIgnoreCase) || document.Word(other).Equals("fellow", StringComparison.OrdinalIgnoreCase))
                    && !document[other].Possessive ? Side.Third : mention.Side;
                for (var j = i; j < end; j++)
                {
                    var part = document[j];
                    if (part.Shape == Shape.Punctuation)
                    {
                        continue;
                    }

                    part.Side = side;
                    part.Concepts &= ~(ConceptSets.Recipients | Concept.AiObject | Concept.WorkNoun | Concept.ServiceNoun | ConceptSets.Acting | Concept.Permission);
                    // "PAPA JOHN'S" ends in 's as a name; only a further 's would make it a possessive.
                    part.Possessive = j == end - 1 ? (part.Possessive && !EndsPossessive(mention)) || mention.Possessive : false;
                    document.Set(j, part);
                }

                i = end - 1;
                continue;
            }

            // "Organizations" defined as an account type is that, not a third party.
            if (token.Is(ConceptSets.Recipients) && !(token.Shape == Shape.Capitalized && definedTerms.Contains(document.Word(i).ToString())))
            {
                token.Side = Side.Third;
                document.Set(i, token);
            }
        }
    }

    private static (int End, Mention Mention)? Match(DocumentText document, int start, List<(string[] Words, Mention Mention)> candidates)
    {
        foreach (var (words, mention) in candidates)
        {
            var at = start;
            var matched = true;
            for (var w = 0; w < words.Length; w++)
            {
                // Punctuation inside a name ("GitHub, Inc.") is skipped.
                while (w > 0 && at < document.Count && document[at].Shape == Shape.Punctuation && document[at].Mark is ',' or '.' or '&' or '-')
                {
                    at++;
                }

                if (at >= document.Count || document.ParagraphOf(at) != document.ParagraphOf(start) || !Same(document, at, words[w], mention.IgnoreCase))
                {
                    matched = false;
                    break;
                }

                at++;
            }

            if (matched)
            {
                return (at, mention);
            }
        }

        return null;
    }

    private static void MarkWork(DocumentText document, string[] words)
    {
        if (words.Length == 0)
        {
            return;
        }

        for (var i = 0; i + words.Length <= document.Count; i++)
        {
            var matched = true;
            for (var w = 0; w < words.Length && matched; w++)
            {
                matched = document[i + w].Shape != Shape.Punctuation && Same(document, i + w, words[w], ignoreCase: false);
            }

            if (!matched)
            {
                continue;
            }

            for (var w = 0; w < words.Length; w++)
            {
                var token = document[i + w];
                token.Work = true;
                document.Set(i + w, token);
            }
        }
    }

    /// <summary>The other side's own terms, read as its offering wherever they stand: a name defined as the service
    /// (("Pinterest" or the "Service"), so "all right, title and interest in and to Pinterest" is its platform, not the
    /// user's work), and a term defined to leave the user's work out ("all content on the Services (excluding User
    /// Content) ... (the "Materials")"). Runs before the sides are marked: a name that is also a side's stays that
    /// side's.</summary>
    private static void MarkServiceNames(DocumentText document, IReadOnlyList<DefinedTerm> defined, NamedTerm? work)
    {
        var services = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < document.Count; i++)
        {
            if (document[i].Shape == Shape.Capitalized && document[i].Is(Concept.ServiceNoun) && !document[i].Is(Concept.WorkNoun))
            {
                services.Add(document.Word(i).ToString());
            }
        }

        var theirs = defined.Where(d => !d.Text.Contains(' ') && !services.Contains(d.Text)
            && (d.Names.Any(services.Contains) || (work is { Defined: true } && LeavesOut(document.Texts[d.Paragraph], d.Text, work.Bare))));
        foreach (var term in theirs)
        {
            for (var i = 0; i < document.Count; i++)
            {
                if (document[i].Shape == Shape.Capitalized && Same(document, i, term.Text, ignoreCase: false) && !document[i].Work)
                {
                    var token = document[i];
                    token.Concepts = (token.Concepts | Concept.ServiceNoun) & ~Concept.WorkNoun;
                    document.Set(i, token);
                }
            }
        }
    }

    /// <summary>The definition of <paramref name="term"/> excludes the work ("excluding User Content", "other than
    /// Your Content") before the term is named.</summary>
    private static bool LeavesOut(string text, string term, string workTerm)
    {
        var named = text.IndexOf("\u201C" + term, StringComparison.Ordinal) is var curly and >= 0 ? curly : text.IndexOf("\"" + term, StringComparison.Ordinal);
        if (named < 0)
        {
            return false;
        }

        foreach (var lead in (ReadOnlySpan<string>)["excluding ", "other than ", "except ", "not including "])
        {
            var at = text.LastIndexOf(lead + workTerm, named, StringComparison.OrdinalIgnoreCase);
            var theAt = text.LastIndexOf(lead + "the " + workTerm, named, StringComparison.OrdinalIgnoreCase);
            var yourAt = text.LastIndexOf(lead + "your " + workTerm, named, StringComparison.OrdinalIgnoreCase);
            if (at >= 0 || theAt >= 0 || yourAt >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static bool EndsPossessive(Mention mention)
    {
        var last = mention.Words[^1];
        return last.EndsWith("'s", StringComparison.OrdinalIgnoreCase) || last.EndsWith("’s", StringComparison.OrdinalIgnoreCase);
    }

    private static bool Same(DocumentText document, int token, string word, bool ignoreCase)
    {
        var text = document.Word(token);
        if (ignoreCase || document[token].Shape == Shape.Upper)
        {
            return text.Equals(word, StringComparison.OrdinalIgnoreCase);
        }

        return text.Equals(word, StringComparison.Ordinal);
    }

    private static string[] WordsOf(string phrase)
    {
        var tokens = new List<Token>();
        Tokenizer.Tokenize(phrase, tokens);
        return [.. tokens.Where(t => t.Shape != Shape.Punctuation).Select(t => phrase.Substring(t.Start, t.Length))];
    }
}

namespace WordRedline.Core;

/// <summary>Tells an action word used as a verb ("may share", "we disclose", "to use, copy and modify") from the same
/// word used as a noun ("any attempted assignment", "the use of", "in exchange for", "a translation"). Nouns do not
/// act; a noun with a possessive actor does ("our use of your content").</summary>
internal static class VerbUse
{
    private static readonly HashSet<string> Determiners = new(
        ["a", "an", "the", "this", "these", "those", "any", "each", "every", "all", "such", "some", "another", "other", "its", "their",
         "his", "her", "which", "whose", "what", "no", "same", "further", "prior", "subsequent", "future", "attempted", "purported", "permitted", "proposed", "own"],
        StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> Prepositions = new(
        ["of", "for", "in", "on", "at", "from", "upon", "after", "before", "during", "under", "regarding", "via", "through", "about", "against",
         "within", "without", "into", "onto", "over", "per", "like", "than", "concerning", "excluding", "toward", "towards", "between", "among"],
        StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> Adverbs = new(
        ["hereby", "also", "further", "freely", "irrevocably", "automatically", "publicly", "directly", "expressly", "otherwise", "fully", "partially",
         "then", "thereby", "immediately", "promptly", "reasonably", "generally", "additionally", "thereafter", "still", "jointly", "separately", "solely",
         "only", "exclusively", "perpetually", "voluntarily", "actively", "routinely", "occasionally", "sometimes", "always", "not", "never", "n't", "anonymously",
         "automatically", "manually", "internally", "externally", "temporarily", "permanently", "continuously", "periodically", "programmatically", "systematically", "thus",
         "hereafter", "hereunder", "herein", "again", "already", "subsequently", "currently", "simply", "just"],
        StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> Auxiliaries = new(["to", "do", "does", "did", "and", "or", "nor", "&", "and/or"], StringComparer.OrdinalIgnoreCase);

    public static bool IsVerb(ClauseReader r, int k, int depth)
    {
        var word = r.Word(k);

        // "shall be the sole and exclusive property of", "is the owner of": ownership nouns after a copula state it.
        if (r.Is(k, ConceptSets.Ownership))
        {
            for (var m = k - 1; m >= 0 && m >= k - 4; m--)
            {
                if (r.Is(m, Concept.Be))
                {
                    return true;
                }
            }
        }

        // "Account owner", "the property of": ownership nouns act only after a copula (above).
        if (word.StartsWith("owner", StringComparison.OrdinalIgnoreCase) || word.StartsWith("propert", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (IsNominal(word))
        {
            // "our distribution of", "Company's disclosure of": a nominal action with its actor named.
            return k > 0 && r.Tok(k - 1).Side != Side.None && r.Tok(k - 1).Possessive;
        }

        // ("Access"): a term being named, not an action.
        if (k > 0 && r.Tok(k - 1).Mark is '"' or '“' && k + 1 < r.Count && r.Tok(k + 1).Mark is '"' or '”')
        {
            return false;
        }

        var j = k - 1;
        while (j >= 0 && Adverbs.Contains(r.Word(j).ToString()))
        {
            j--;
        }

        if (j < 0)
        {
            // A sentence or list item that starts with the verb: "Use the Track ...", "scrape, crawl ...".
            return true;
        }

        var before = r.Tok(j);
        var previous = r.Word(j);
        if (before.Shape == Shape.Punctuation)
        {
            if (before.Mark is ',' or '/' or ')')
            {
                // In a list of verbs ("to use, copy, modify"): a verb when the list is governed by one.
                return InVerbList(r, j) || IsParticiple(word) || IsGerund(word);
            }

            return before.Mark is ':' or ';' or '(' or '*' or '•' or '-' or '–' or '…' or '"' or '“' or '.' || IsGerund(word);
        }

        if (before.Side != Side.None)
        {
            // "Murf's marketing collateral": a gerund after a possessive is a noun unless "of" follows ("our sharing of").
            return !(before.Possessive && IsGerund(word) && !(k + 1 < r.Count && r.Word(k + 1).Equals("of", StringComparison.OrdinalIgnoreCase)));
        }

        if (before.Is(Concept.Permission | Concept.Obligation | Concept.Be | Concept.Agree | Concept.Negation | Concept.Prohibition | Concept.Relative | Concept.Only))
        {
            return true;
        }

        if (Auxiliaries.Contains(previous.ToString()))
        {
            var coordinator = previous.Equals("and", StringComparison.OrdinalIgnoreCase) || previous.Equals("or", StringComparison.OrdinalIgnoreCase)
                || previous.Equals("and/or", StringComparison.OrdinalIgnoreCase) || previous.Equals("nor", StringComparison.OrdinalIgnoreCase)
                || previous.Equals("&", StringComparison.Ordinal);
            return !coordinator || InVerbList(r, j) || IsGerund(word);
        }

        if (Determiners.Contains(previous.ToString()) || Prepositions.Contains(previous.ToString()))
        {
            // "by sharing your data", "for training models": a gerund after a preposition names the action when it has
            // an object; "a course of dealing" has none.
            return IsGerund(word) && !Determiners.Contains(previous.ToString()) && HasObject(r, k);
        }

        // After the noun that is its subject ("all rights in the Deliverables transfer to Client", "Affiliates may"):
        // a finite verb. After another noun or adjective: a participle ("content posted by you") or a gerund ("partners
        // using your data") still acts; a bare word after a verb ("restrict access") does not.
        if ((before.Is(Concept.WorkNoun | Concept.RightsNoun | Concept.ServiceNoun | ConceptSets.Recipients) || (before.Shape is Shape.Capitalized or Shape.Upper && j > 0))
            && !before.Is(ConceptSets.Acting | ConceptSets.Giving)
            && !IsNominal(previous) && !previous.EndsWith("ing", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IsParticiple(word) || IsGerund(word);
    }

    /// <summary>Walks left over a list ("access, reproduce (e.g. to copy), distribute, share, download, adapt or") to what
    /// governs it: "to", a modal, a subject, or the start of a list item make its words verbs.</summary>
    private static bool InVerbList(ClauseReader r, int from)
    {
        var depth = 0;
        for (var m = from - 1; m >= 0 && m >= from - 60; m--)
        {
            var token = r.Tok(m);
            if (token.Shape == Shape.Punctuation)
            {
                if (token.Mark == ')')
                {
                    depth++;
                }
                else if (token.Mark == '(')
                {
                    depth--;
                }
                else if (token.Mark is ';' or '.' or ':' && depth == 0)
                {
                    return token.Mark == ':';
                }

                continue;
            }

            if (depth > 0)
            {
                continue;
            }

            // What governs the list ("host your content, make it available, and use it"): "to", "may", "shall", a
            // relative pronoun, or the list's subject; the objects and verbs of earlier items are passed over.
            var word = r.Word(m);
            if (word.Equals("to", StringComparison.OrdinalIgnoreCase) || r.Is(m, Concept.Permission | Concept.Obligation | Concept.Relative | Concept.Negation | Concept.Be))
            {
                return true;
            }

            if (r.Tok(m).Side != Side.None && !r.Tok(m).Possessive && !(m > 0 && (r.IsWord(m - 1, "to") || r.IsWord(m - 1, "with") || r.IsWord(m - 1, "of") || r.IsWord(m - 1, "by"))))
            {
                return true;
            }

            // "a royalty-free, perpetual ... right and license", "The collection, use and sharing of": a noun phrase.
            if (Determiners.Contains(word.ToString()) && !word.Equals("such", StringComparison.OrdinalIgnoreCase) && !word.Equals("all", StringComparison.OrdinalIgnoreCase)
                && !word.Equals("any", StringComparison.OrdinalIgnoreCase) && !word.Equals("other", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    private static bool HasObject(ClauseReader r, int k)
    {
        for (var m = k + 1; m < r.Count && m <= k + 4; m++)
        {
            var token = r.Tok(m);
            if (token.Side != Side.None || token.Is(Concept.WorkNoun | Concept.AiObject | Concept.RightsNoun) || Determiners.Contains(r.Word(m).ToString())
                || r.Word(m).Equals("it", StringComparison.OrdinalIgnoreCase) || r.Word(m).Equals("them", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (token.Shape == Shape.Punctuation)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>"Content posted publicly", "information collected by third parties": a past participle right after the
    /// material it describes reads as a passive.</summary>
    public static bool IsReducedRelative(ClauseReader r, int k)
    {
        if (k == 0 || !IsParticiple(r.Word(k)) || r.Tok(k - 1).Side != Side.None)
        {
            return false;
        }

        if (r.Tok(k - 1).Is(Concept.WorkNoun | Concept.AiObject | Concept.ServiceNoun))
        {
            return true;
        }

        // "any list published by the government": a participle after a noun, with its agent and no verb of its own.
        var previous = r.Tok(k - 1);
        return previous.Shape is Shape.Lower or Shape.Capitalized && !previous.Is(Concept.Be | Concept.Permission | Concept.Obligation | ConceptSets.Acting | ConceptSets.Giving | Concept.Negation | Concept.Grammar)
            && !Adverbs.Contains(r.Word(k - 1).ToString()) && k + 1 < r.Count && r.Word(k + 1).Equals("by", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsNominal(ReadOnlySpan<char> word)
    {
        // "-age" makes nouns ("storage", "usage") but ends these verbs too.
        if (word.Length < 5 || word.StartsWith("engage", StringComparison.OrdinalIgnoreCase) || word.Equals("leverage", StringComparison.OrdinalIgnoreCase)
            || word.Equals("manage", StringComparison.OrdinalIgnoreCase) || word.Equals("encourage", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        foreach (var suffix in (ReadOnlySpan<string>)["tion", "tions", "sion", "sions", "ment", "ments", "ance", "ances", "ence", "sure", "sures", "age", "ity", "ship", "ery"])
        {
            if (word.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return word.Equals("sale", StringComparison.OrdinalIgnoreCase) || word.Equals("sales", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsGerund(ReadOnlySpan<char> word) => word.Length > 4 && word.EndsWith("ing", StringComparison.OrdinalIgnoreCase);

    private static bool IsParticiple(ReadOnlySpan<char> word) =>
        word.Length > 3 && (word.EndsWith("ed", StringComparison.OrdinalIgnoreCase) || word.EndsWith("en", StringComparison.OrdinalIgnoreCase)
            || word.Equals("made", StringComparison.OrdinalIgnoreCase) || word.Equals("sold", StringComparison.OrdinalIgnoreCase)
            || word.Equals("sent", StringComparison.OrdinalIgnoreCase) || word.Equals("shown", StringComparison.OrdinalIgnoreCase)
            || word.Equals("held", StringComparison.OrdinalIgnoreCase) || word.Equals("kept", StringComparison.OrdinalIgnoreCase));
}

namespace WordRedline.Core;

/// <summary>Who does an action: the subject before it, the agent of a passive, the subject of an opening phrase.</summary>
internal sealed partial class ClauseReader
{
    /// <summary>The nearest mention before the action that can be its subject: not a possessive owner ("your
    /// content"), not a name used as a modifier ("Customer Data"), not the object of a preposition ("to Company").</summary>
    private Side ActorBefore(int k)
    {
        // "our use of", "Company's sharing of": the possessor acts.
        if (k > 0 && Tok(k - 1).Side != Side.None && Tok(k - 1).Possessive)
        {
            return Tok(k - 1).Side;
        }

        for (var j = k - 1; j >= 0 && j >= k - ActorReach; j--)
        {
            var token = Tok(j);
            if (token.Side == Side.None)
            {
                continue;
            }

            if (IsModifier(j))
            {
                // The whole name modifies ("Mistral AI Products"), not just its last word.
                while (j > 0 && Tok(j - 1).Side == token.Side && !Tok(j - 1).Possessive)
                {
                    j--;
                }

                continue;
            }

            if (token.Possessive || (AfterPreposition(j) && !ConsentedTo(j, k)))
            {
                continue;
            }

            return token.Side;
        }

        return Side.None;
    }

    /// <summary>"By uploading Content, you grant ...": the actor of a gerund in an opening phrase is the subject of the
    /// main clause, the first mention after the phrase's comma.</summary>
    private Side SubjectOfOpeningPhrase(int k)
    {
        var first = sentence.FocusFrom;
        if (first >= Count || !(IsWord(first, "by") || IsWord(first, "when") || IsWord(first, "upon") || IsWord(first, "after") || IsWord(first, "in")
            || IsWord(first, "through") || IsWord(first, "before") || IsWord(first, "if") || IsWord(first, "once")))
        {
            return Side.None;
        }

        for (var j = k + 1; j < Count && j <= k + 40; j++)
        {
            if (Tok(j).Shape == Shape.Punctuation && Tok(j).Mark == ',')
            {
                for (var m = j + 1; m < Count && m <= j + 4; m++)
                {
                    if (Tok(m).Side != Side.None && !Tok(m).Possessive)
                    {
                        return Tok(m).Side;
                    }
                }
            }

            if (Tok(j).Shape == Shape.Punctuation && Tok(j).Mark is '.' or ';')
            {
                break;
            }
        }

        return Side.None;
    }

    /// <summary>"You consent to us using your Content", "you authorise and consent to us: (i) using ...": whoever is
    /// consented to does the gerund that follows.</summary>
    private bool ConsentedTo(int j, int k)
    {
        if (!Word(k).EndsWith("ing", StringComparison.OrdinalIgnoreCase) || k - j > 6)
        {
            return false;
        }

        var i = j - 1;
        while (i >= 0 && Tok(i).Side == Tok(j).Side)
        {
            i--;
        }

        return IsWord(i, "to") && i > 0 && Tok(i - 1).Is(Concept.Consent);
    }

    private bool IsModifier(int j)
    {
        // Only the last word of a multi-word name can be followed by what it modifies.
        if (j + 1 >= Count)
        {
            return false;
        }

        // "Customer Data", "Meta Products", "Mistral AI Products": a name that begins a longer name modifies it.
        var next = Tok(j + 1);
        return next.Side == Side.None && next.Shape != Shape.Punctuation && (next.Is(Concept.WorkNoun | Concept.ServiceNoun) || next.Shape == Shape.Capitalized);
    }

    private bool AfterPreposition(int j)
    {
        // Skip back over the rest of a multi-word mention and an article.
        var i = j - 1;
        while (i >= 0 && Tok(i).Side == Tok(j).Side && Tok(i).Side != Side.None)
        {
            i--;
        }

        while (i >= 0 && (IsWord(i, "the") || IsWord(i, "its") || IsWord(i, "their") || IsWord(i, "any") || IsWord(i, "other") || IsWord(i, "all") || IsWord(i, "each")
            || IsWord(i, "every") || IsWord(i, "another")))
        {
            i--;
        }

        return i >= 0 && (IsWord(i, "to") || IsWord(i, "with") || IsWord(i, "by") || IsWord(i, "from") || IsWord(i, "for") || IsWord(i, "of")
            || IsWord(i, "among") || IsWord(i, "between") || IsWord(i, "against") || IsWord(i, "on") || IsWord(i, "about") || IsWord(i, "than"));
    }

    /// <summary>The actor of a passive: "by third parties" after it, else nobody named.</summary>
    private Side AgentAfter(int k)
    {
        for (var j = k + 1; j < Count && j <= k + 6 && SameClause(j, k); j++)
        {
            if (Is(j, Concept.Agent))
            {
                for (var m = j + 1; m < Count && m <= j + 4; m++)
                {
                    if (Tok(m).Side != Side.None && !Tok(m).Possessive)
                    {
                        return Tok(m).Side;
                    }
                }

                return Side.None;
            }
        }

        return Side.None;
    }
}

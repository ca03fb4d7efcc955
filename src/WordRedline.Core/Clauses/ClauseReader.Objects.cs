namespace WordRedline.Core;

/// <summary>To whom an action goes and on whose material: the recipient, the owner of the object, a contract as the object.</summary>
internal sealed partial class ClauseReader
{
    private Side RecipientAfter(int k)
    {
        for (var j = k + 1; j < Count && j <= k + ObjectReach && SameClause(j, k); j++)
        {
            // "share your data to provide the Service and communicate with you": the recipient comes before a purpose.
            if (IsWord(j, "to") && j + 1 < Count && Tok(j + 1).Is(ConceptSets.Acting) && j > k + 1)
            {
                break;
            }

            var token = Tok(j);
            if (token.Side != Side.None && !token.Possessive && !IsModifier(j))
            {
                // "grants Company", "grant to Company", "share with third parties", "disclose to its employees".
                var before = j - 1;
                while (before > k && (IsWord(before, "the") || IsWord(before, "its") || IsWord(before, "our") || IsWord(before, "their")
                    || IsWord(before, "any") || IsWord(before, "every") || IsWord(before, "another") || IsWord(before, "other") || IsWord(before, "all") || IsWord(before, "each") || IsWord(before, "such")
                    || IsWord(before, "certain") || IsWord(before, "these") || IsWord(before, "those") || IsWord(before, "selected")))
                {
                    before--;
                }

                // Not "in connection with GitHub's programme", "in accordance with Company's instructions".
                var compound = IsWord(before, "with") && (IsWord(before - 1, "connection") || IsWord(before - 1, "accordance") || IsWord(before - 1, "compliance"));
                if (compound)
                {
                    continue;
                }

                if (before == k || IsWord(before, "to") || IsWord(before, "with") || IsWord(before, "among") || Tok(before).Is(Concept.Exception)
                    || (IsWord(before, "for") && token.Side == Side.Party))
                {
                    return token.Side;
                }
            }

            if (Tok(j).Is(Concept.Purpose) && IsWord(j, "for") && !(j + 1 < Count && Tok(j + 1).Side == Side.Party))
            {
                break;
            }
        }

        return Side.None;
    }

    private Owner MaterialAfter(int k)
    {
        for (var j = k + 1; j < Count && j <= k + ObjectReach && SameClause(j, k); j++)
        {
            // "customize parts of your experience to show you content": the object ends where a purpose begins.
            if (IsWord(j, "to") && j + 1 < Count && Tok(j + 1).Is(ConceptSets.Acting) && j > k + 1 && !Volition(j - 1))
            {
                break;
            }

            var owner = OwnerAt(j);
            if (owner is { } found)
            {
                return found;
            }
        }

        return Owner.None;
    }

    /// <summary>The object of a verb in a list of verbs is the list's: "cut, crop, modify, adapt, edit, and/or refuse to
    /// publish, store, or make available, User Content".</summary>
    private Owner MaterialAfterList(int k)
    {
        var owner = MaterialAfter(k);
        for (var hops = 0; owner == Owner.None && hops < 8 && NextCoordinatedVerb(k) is int next; hops++)
        {
            k = next;
            owner = MaterialAfter(k);
        }

        return owner;
    }

    private int? NextCoordinatedVerb(int k)
    {
        var j = k + 1;
        while (j < Count && j <= k + 4 && ((Tok(j).Shape == Shape.Punctuation && Tok(j).Mark is ',' or '/') || IsWord(j, "and") || IsWord(j, "or")))
        {
            j++;
        }

        return j > k + 1 && j < Count && Tok(j).Is(ConceptSets.Acting) && Tok(j).Side == Side.None ? j : null;
    }

    /// <summary>"refuse to publish", "elect to use": the infinitive is the verb's complement, not a purpose.</summary>
    private bool Volition(int j) => IsWord(j, "refuse") || IsWord(j, "decline") || IsWord(j, "elect") || IsWord(j, "choose") || IsWord(j, "continue");

    private Owner MaterialBefore(int k)
    {
        for (var j = k - 1; j >= 0 && j >= k - ObjectReach; j--)
        {
            var owner = OwnerAt(j);
            if (owner is { } found)
            {
                return found;
            }
        }

        return Owner.None;
    }

    /// <summary>"Personal Data it receives ... and subsequently transfers to a third party": what a verb with no object
    /// after it passes on is named before it, close by.</summary>
    private Owner NearMaterialBefore(int k)
    {
        for (var j = k - 1; j >= 0 && j >= k - 12 && SameClause(j, k); j--)
        {
            if (OwnerAt(j) is { } owner)
            {
                return owner;
            }
        }

        return Owner.None;
    }

    /// <summary>Who owns the noun phrase at <paramref name="j"/>, if it is one: a possessive names the owner; the
    /// protected party's name before a noun ("Customer Data") makes it the party's; the other side's service or a
    /// contract is the other side's; a bare content noun says nothing.</summary>
    private Owner? OwnerAt(int j)
    {
        var token = Tok(j);
        if (token.Work)
        {
            return Owner.Party;
        }

        if (token.Side is Side.Party && IsModifier(j))
        {
            return Owner.Party;
        }

        if (token.Side is Side.Party && token.Possessive)
        {
            // "your content" is the party's material; "your concerns", "your experience" are not material at all.
            for (var m = j + 1; m < Count && m <= j + 3; m++)
            {
                if (Tok(m).Is(Concept.WorkNoun))
                {
                    return Owner.Party;
                }

                if (Tok(m).Is(Concept.ServiceNoun) || Tok(m).Shape == Shape.Punctuation)
                {
                    break;
                }
            }

            return null;
        }

        if (token.Side is Side.Counterparty or Side.Third && (token.Possessive || IsModifier(j)))
        {
            // "its own", "Company's Confidential Information": the other side's; "Company's use of" is an actor.
            return NextIsAction(j) ? null : Owner.Other;
        }

        if (IsWord(j, "its") || IsWord(j, "their"))
        {
            return j + 1 < Count && IsWord(j + 1, "own") ? Owner.Other : null;
        }

        if (token.Is(Concept.ContractNoun) && !token.Is(Concept.WorkNoun))
        {
            return Owner.Other;
        }

        if (token.Is(Concept.ServiceNoun) && !token.Is(Concept.WorkNoun))
        {
            return Owner.Other;
        }

        if (token.Is(Concept.WorkNoun))
        {
            return Owner.Unknown;
        }

        // "use it", "share them", "such content": a pronoun object refers back to the material.
        if (IsWord(j, "it") || IsWord(j, "them"))
        {
            return PronounReferent(j);
        }

        if (IsWord(j, "such") || IsWord(j, "same") || IsWord(j, "everything") || IsWord(j, "anything"))
        {
            return Owner.Unknown;
        }

        return null;
    }

    /// <summary>"functions of the Platform so that other users can use it": "it" is the nearest thing named before it,
    /// so the other side's service stays the other side's; a work noun, or nothing recognisable, leaves it open.</summary>
    private Owner PronounReferent(int j)
    {
        for (var m = j - 1; m >= sentence.FocusFrom && m >= j - 15; m--)
        {
            var token = Tok(m);
            if (token.Work || token.Is(Concept.WorkNoun))
            {
                return Owner.Unknown;
            }

            if (token.Is(Concept.ServiceNoun) || (token.Side == Side.Counterparty && !token.Possessive && token.Shape == Shape.Capitalized && m > 0 && IsWord(m - 1, "the")))
            {
                return Owner.Other;
            }
        }

        return Owner.Unknown;
    }

    private bool NextIsAction(int j) => j + 1 < Count && Tok(j + 1).Is(ConceptSets.Acting);

    private bool ContractAfter(int k)
    {
        for (var j = k + 1; j < Count && j <= k + 8 && SameClause(j, k); j++)
        {
            if (Is(j, Concept.ContractNoun))
            {
                return true;
            }

            if (Is(j, Concept.WorkNoun | Concept.RightsNoun) && !Is(j, Concept.ContractNoun))
            {
                return false;
            }
        }

        return false;
    }
}

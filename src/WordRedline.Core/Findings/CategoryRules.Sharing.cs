namespace WordRedline.Core;

/// <summary>Data sharing: the work or data passed to, or reached by, anyone beyond the two sides (third parties,
/// affiliates, processors, other users, the public), and what passes between the parties only.</summary>
internal static partial class CategoryRules
{
    private static void DataSharing(SentenceFacts facts, List<Evidence> found)
    {
        var r = facts.Reader;
        if (EngagesProcessor(r) is int engaged)
        {
            found.Add(new Evidence(Category.DataSharing, RuleIds.ThirdParties, engaged, PhraseEnd(r, engaged)));
            return;
        }

        foreach (var a in facts.Actions)
        {
            if (!InFocus(r, a.At) || !a.Affirmed || a.OnContract)
            {
                continue;
            }

            var kind = a.Kind;
            var byOther = a.Actor != Side.Party;
            var onMaterial = a.OnMaterial;
            if (a.Descriptive || r.InCondition(a.At) || a.Recipient is Side.Party or Side.Counterparty || (RequiredByLaw(r, a.At) && a.Recipient != Side.Third))
            {
                // Made available to one of the two sides ("disclosing the Personal Data to Perplexity"), or a
                // disclosure the law compels with nobody named.
                continue;
            }

            if ((a.Actor == Side.None && !a.Passive && !a.Modal && !a.Permitted && !facts.Gives && !facts.LicenseSubject) || r.InEmbeddedQuestion(a.At, 12))
            {
                // "the collection, use and sharing of your data is subject to", "it's OK to share your creations",
                // "review what data is shared": a sharing named or explained, not one anybody is allowed.
                continue;
            }

            // A third party's own sharing counts only when it is allowed ("partners may share"), not when it is told
            // ("content that other users share").
            var thirdAllowed = a.Actor != Side.Third || a.Modal || a.Permitted;
            if (a.Actor == Side.Third && kind.HasFlag(Concept.Convey) && a.Recipient != Side.Third && ActsForTheParty(r, a.At))
            {
                // "we will require the agent to provide proof you have authorised it": the party's own agent hands
                // something to the other side; nothing of the party's reaches anyone new.
                continue;
            }

            if (r.Sentence.FocusFrom > 0 && facts.PartyGrant && a.Actor != Side.Third && (a.Recipient != Side.Third || ToThePublic(r, a.At)))
            {
                // "The Author grants the Publisher a licence to:" then "1. Reproduce, publish and communicate the
                // Work": a right of the licence, read as licence breadth, not also as a sharing.
                continue;
            }

            if (a.Actor == Side.Counterparty && !a.Modal && !a.Permitted && !a.Passive && a.Recipient == Side.None && a.Material == Owner.Unknown
                && !facts.PartyGrant && !ThirdAfter(r, a.At, 12) && !WorkNounAfter(r, a.At, 8))
            {
                // "Tumblr makes available specialized HTML and CSS code for ...": the other side describing what it
                // offers, to no one in particular, of material nobody says is the party's and that is no content or
                // data ("We transfer Personal Data ..." still counts).
                continue;
            }

            if (kind.HasFlag(Concept.Share) && a.Recipient == Side.None && BetweenTheParties(r, a.At))
            {
                // "The parties may share information that is confidential": what passes between the two sides.
                continue;
            }

            var shares = (kind.HasFlag(Concept.Share) && byOther && thirdAllowed && onMaterial)
                || (kind & (Concept.Convey | Concept.Publish)) != 0 && byOther && a.Recipient is Side.Third && onMaterial
                || (kind.HasFlag(Concept.Publish) && byOther && onMaterial && facts.PartyGrant)
                || (a.Actor == Side.Third && (kind & (Concept.Use | Concept.Access | Concept.Share | Concept.Convey | Concept.Modify | Concept.Publish)) != 0 && onMaterial && thirdAllowed
                    && !IsProcessing(r, a.At))
                || (kind.HasFlag(Concept.Engage) && byOther && (a.Modal || a.Permitted) && ThirdAfter(r, a.At, 6))
                || (SentenceFacts.PartyGives(a) && a.Recipient == Side.Third && !a.Kind.HasFlag(Concept.Waive))
                || (kind.HasFlag(Concept.License) && byOther && a.Recipient == Side.Third);
            if (shares)
            {
                found.Add(new Evidence(Category.DataSharing, RuleIds.ThirdParties, a.At, PhraseEnd(r, a.At)));
                return;
            }
        }

        if (r.Sentence.FocusFrom > 0 && SharedByLeadIn(facts))
        {
            // "We may share your personal data with the following parties:" then "Financial Institutions. Banks ...":
            // each recipient listed is a sharing.
            found.Add(new Evidence(Category.DataSharing, RuleIds.ThirdParties, r.Sentence.FocusFrom, PhraseEnd(r, r.Sentence.FocusFrom)));
            return;
        }

        if (facts.PartyGrant)
        {
            for (var k = r.Sentence.FocusFrom; k < r.Count; k++)
            {
                if (r.Is(k, Concept.Sublicensable) && !Denied(r, k))
                {
                    found.Add(new Evidence(Category.DataSharing, RuleIds.Sublicense, k, PhraseEnd(r, k)));
                    return;
                }
            }
        }
    }

    /// <summary>The other side engages, appoints or uses a processor of its own (subprocessors, subcontractors,
    /// affiliates, vendors, service providers), also in a condition ("If Provider appoints a new subprocessor") or as a
    /// plain statement: the clause arranges for the material to pass to them. Denied engagements are not.</summary>
    private static int? EngagesProcessor(ClauseReader r)
    {
        for (var k = r.Sentence.FocusFrom; k < r.Count; k++)
        {
            // "Subprocessors (where applicable): may be used by Provider to assist": the same engagement, passive.
            if (r.Is(k, Concept.Use) && ProcessorBefore(r, k, 8) && r.Read(k, Concept.Use) is { Passive: true, Actor: Side.Counterparty, Negated: false })
            {
                return k;
            }

            // "Meta uses Content ..., including through third-party vendors": the use is done by the processors.
            if (r.Is(k, Concept.Use | Concept.Access) && ThroughProcessorAfter(r, k, 24)
                && r.Read(k, Concept.Use | Concept.Access) is { Actor: Side.Counterparty, Negated: false, Descriptive: false, OnMaterial: true })
            {
                return k;
            }

            if (!r.Is(k, Concept.Engage) || !ProcessorAfter(r, k, 6))
            {
                continue;
            }

            // "delegate its obligations to an affiliate": the contract's duties handed on with an assignment, no material.
            var a = r.Read(k, Concept.Engage);
            if (a.Actor is Side.Counterparty && !a.Negated && !a.Descriptive && !r.InEmbeddedQuestion(k, 12) && !DutiesAfter(r, k))
            {
                return k;
            }
        }

        return null;
    }

    private static bool ProcessorAfter(ClauseReader r, int k, int reach)
    {
        for (var j = k + 1; j < r.Count && j <= k + reach; j++)
        {
            if (r.Tok(j).Shape == Shape.Punctuation && r.Tok(j).Mark is '.' or ';')
            {
                return false;
            }

            if (IsProcessor(r, j))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ThroughProcessorAfter(ClauseReader r, int k, int reach)
    {
        for (var j = k + 1; j < r.Count && j <= k + reach; j++)
        {
            // A full stop ends the sentence unless it is an abbreviation's ("i.e.").
            if (r.Tok(j).Shape == Shape.Punctuation && (r.Tok(j).Mark is ';' or ':' || (r.Tok(j).Mark == '.' && r.Word(j - 1).Length > 1)))
            {
                return false;
            }

            if ((r.IsWord(j, "through") || r.IsWord(j, "via")) && ProcessorAfter(r, j, 3))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ProcessorBefore(ClauseReader r, int k, int reach)
    {
        for (var j = k - 1; j >= r.Sentence.FocusFrom && j >= k - reach; j--)
        {
            if (IsProcessor(r, j))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsProcessor(ClauseReader r, int j)
    {
        var word = r.Word(j);
        return r.Is(j, Concept.ThirdParty) && (word.StartsWith("sub", StringComparison.OrdinalIgnoreCase)
            || word.StartsWith("affiliate", StringComparison.OrdinalIgnoreCase) || word.StartsWith("vendor", StringComparison.OrdinalIgnoreCase)
            || word.StartsWith("processor", StringComparison.OrdinalIgnoreCase)
            || (word.StartsWith("provider", StringComparison.OrdinalIgnoreCase) && r.IsWord(j - 1, "service")));
    }

    /// <summary>"The parties", "each party", "either party", "both parties" act: an exchange between the two sides.</summary>
    private static bool BetweenTheParties(ClauseReader r, int k)
    {
        for (var j = k - 1; j >= r.Sentence.FocusFrom && j >= k - 5; j--)
        {
            if ((r.IsWord(j, "parties") && (r.IsWord(j - 1, "the") || r.IsWord(j - 1, "both")))
                || (r.IsWord(j, "party") && (r.IsWord(j - 1, "each") || r.IsWord(j - 1, "either"))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The lead-in shares the material and leaves its recipients to the list ("with the following
    /// parties:"), and the item names a third party without denying anything or having the party act.</summary>
    private static bool SharedByLeadIn(SentenceFacts facts)
    {
        var r = facts.Reader;
        if (facts.Actions.Any(a => a.At >= r.Sentence.FocusFrom && (a.Negated || a.Actor == Side.Party)) || !ThirdAfter(r, r.Sentence.FocusFrom, r.Count))
        {
            return false;
        }

        return facts.Actions.Any(a => a.At < r.Sentence.FocusFrom && a.Kind.HasFlag(Concept.Share) && a.Actor != Side.Party
            && a.Affirmed && a.OnMaterial && !a.Descriptive && a.Recipient != Side.Party && FollowingAfter(r, a.At));
    }

    private static bool FollowingAfter(ClauseReader r, int k)
    {
        for (var j = k + 1; j < r.Sentence.FocusFrom; j++)
        {
            if (r.IsWord(j, "following") || r.IsWord(j, "include") || r.IsWord(j, "including"))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ToThePublic(ClauseReader r, int k)
    {
        for (var j = k + 1; j < r.Count && j <= k + 10; j++)
        {
            if (r.IsWord(j, "public") && r.IsWord(j - 1, "the"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The actor is one acting for the party: "your authorised agent", "an agent that you appoint".</summary>
    private static bool ActsForTheParty(ClauseReader r, int k)
    {
        for (var j = k - 1; j >= r.Sentence.FocusFrom && j >= k - 10; j--)
        {
            if (r.IsWord(j, "agent") || r.IsWord(j, "agents") || r.IsWord(j, "representative") || r.IsWord(j, "representatives"))
            {
                return r.IsWord(j - 1, "authorized") || r.IsWord(j - 1, "authorised") || (r.Tok(j - 1).Side == Side.Party && r.Tok(j - 1).Possessive)
                    || r.IsWord(j - 1, "the");
            }
        }

        return false;
    }

    /// <summary>A content or data noun in the verb's object, up to the first preposition: "transfer Personal Data
    /// from", not "code for the design of your pages".</summary>
    private static bool WorkNounAfter(ClauseReader r, int k, int window)
    {
        for (var j = k + 1; j < r.Count && j <= k + window; j++)
        {
            if (r.Tok(j).Shape == Shape.Punctuation || r.IsWord(j, "for") || r.IsWord(j, "to") || r.IsWord(j, "on") || r.IsWord(j, "in")
                || r.IsWord(j, "with") || r.IsWord(j, "through") || r.IsWord(j, "from"))
            {
                return false;
            }

            if (r.Is(j, Concept.WorkNoun) || r.Tok(j).Work)
            {
                return true;
            }
        }

        return false;
    }

    private static bool DutiesAfter(ClauseReader r, int k)
    {
        for (var j = k + 1; j < r.Count && j <= k + 3; j++)
        {
            if (r.IsWord(j, "obligations") || r.IsWord(j, "duties") || r.IsWord(j, "performance"))
            {
                return true;
            }
        }

        return false;
    }
}

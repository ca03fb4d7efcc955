namespace WordRedline.Core;

/// <summary>What a grant gives: open-ended purpose or media, a broad licence, derivative works (sharing with others is
/// in CategoryRules.Sharing).</summary>
internal static partial class CategoryRules
{
    private static void UsageScope(SentenceFacts facts, List<Evidence> found)
    {
        var r = facts.Reader;
        if (!facts.Gives && !facts.LicenseSubject)
        {
            return;
        }

        for (var k = r.Sentence.FocusFrom; k < r.Count; k++)
        {
            var open = r.Is(k, Concept.OpenScope);
            var free = r.Is(k, Concept.FreeOfObligation);
            if (!open && !free)
            {
                continue;
            }

            if (Denied(r, k) || !GivenBefore(facts, k) || !NearestActionGives(facts, k, requireAction: free && !open) || (free && !open && DutyDisclaimed(r, k)))
            {
                continue;
            }

            // Every open-ended phrase is its own finding: each needs its own replacement ("for any purpose" and "in any
            // media now known or hereafter devised" in one grant).
            var kind = free && !open ? RuleIds.FreeUse : IsMedia(r, k) ? RuleIds.AnyMedia : RuleIds.OpenPurpose;
            var end = OpenScopeEnd(r, k);
            found.Add(new Evidence(Category.UsageScope, kind, k, end));
            k = end - 1;
        }
    }

    /// <summary>"we have no obligation to review, consider or act upon any Feedback": a duty disclaimed, not use set
    /// free of one; "without any obligation to pay or credit you" still frees the use.</summary>
    private static bool DutyDisclaimed(ClauseReader r, int k)
    {
        var end = PhraseEnd(r, k);
        if (!r.IsWord(end, "to") || end + 1 >= r.Count || r.Tok(end + 1).Side != Side.None)
        {
            return false;
        }

        string[] owed = ["pay", "compensate", "remunerate", "credit", "attribute", "acknowledge", "account", "notify", "obtain", "seek", "provide", "give", "share"];
        return !owed.Any(word => r.IsWord(end + 1, word));
    }

    /// <summary>"in any media now known or hereafter devised": adjacent open-ended phrases are one, with the participle
    /// that completes them.</summary>
    private static int OpenScopeEnd(ClauseReader r, int k)
    {
        var end = PhraseEnd(r, k);
        while (end < r.Count)
        {
            var next = end;
            while (next < r.Count && next <= end + 2 && (r.IsWord(next, "and") || r.IsWord(next, "or") || r.IsWord(next, "whether") || r.Tok(next).Mark == ','))
            {
                next++;
            }

            if (next < r.Count && r.Is(next, Concept.OpenScope))
            {
                end = PhraseEnd(r, next);
                continue;
            }

            // "(now known or later developed)" after the media it qualifies.
            if (end < r.Count && r.Tok(end).Mark == '(' && end + 1 < r.Count && r.Is(end + 1, Concept.OpenScope))
            {
                var close = end + 1;
                while (close < r.Count && close <= end + 10 && r.Tok(close).Mark != ')')
                {
                    close++;
                }

                if (close < r.Count && r.Tok(close).Mark == ')')
                {
                    end = close + 1;
                    continue;
                }
            }

            // "any and all media or distribution methods": an alternative noun after "or" belongs to the phrase.
            if (end + 2 < r.Count && (r.IsWord(end, "or") || r.IsWord(end, "and")) && r.Tok(end + 1).Shape == Shape.Lower
                && !r.Is(end + 1, ConceptSets.Acting | Concept.Grammar) && (r.Tok(end + 2).Shape == Shape.Lower || r.Tok(end + 2).Mark is '(' or ','))
            {
                var nounEnd = r.Tok(end + 2).Shape == Shape.Lower && !r.Is(end + 2, ConceptSets.Acting | Concept.Purpose) ? end + 3 : end + 2;
                if (nounEnd < r.Count && (r.Tok(nounEnd).Mark is '(' or ',' || r.Is(nounEnd, Concept.OpenScope)))
                {
                    end = nounEnd;
                    continue;
                }
            }

            if (end < r.Count && (r.IsWord(end, "devised") || r.IsWord(end, "developed") || r.IsWord(end, "invented") || r.IsWord(end, "created") || r.IsWord(end, "discovered")))
            {
                end++;
            }

            break;
        }

        return end;
    }

    /// <summary>The open-ended phrase qualifies the nearest action before it: "may use the feedback for any purpose",
    /// not "may remove content ... for any reason".</summary>
    /// <summary>The use the open-ended phrase qualifies gives something away. "Without obligation" needs a use of its own
    /// before it: "information Contractor knew without any obligation of confidentiality" frees nobody's use.</summary>
    private static bool NearestActionGives(SentenceFacts facts, int k, bool requireAction)
    {
        var r = facts.Reader;
        Action? nearest = null;
        foreach (var a in facts.Actions)
        {
            if (a.At < k && !a.Descriptive && (a.Kind & (Concept.Improve | Concept.Train)) == 0 && !(a.Negated && r.IsWord(a.At - 1, "without")))
            {
                nearest = a;
            }
        }

        if (nearest is not { } n)
        {
            return !requireAction && (facts.LicenseSubject || facts.PassiveGrant);
        }

        return SentenceFacts.PartyGives(n) || SentenceFacts.OtherActs(n) || (n.Affirmed && n.Actor != Side.Party && (n.Kind & (Concept.Use | Concept.Share | Concept.Publish | Concept.Modify | Concept.License | Concept.Grant | Concept.Access)) != 0 && n.Material != Owner.Other)
            || (facts.PartyGrant && n.Affirmed && (n.Kind & (Concept.Use | Concept.Share | Concept.Modify)) != 0);
    }

    private static bool IsMedia(ClauseReader r, int k)
    {
        for (var j = k; j < PhraseEnd(r, k); j++)
        {
            var word = r.Word(j);
            if (word.StartsWith("medi", StringComparison.OrdinalIgnoreCase) || word.Equals("manner", StringComparison.OrdinalIgnoreCase)
                || word.Equals("format", StringComparison.OrdinalIgnoreCase) || word.Equals("formats", StringComparison.OrdinalIgnoreCase)
                || word.Equals("means", StringComparison.OrdinalIgnoreCase) || word.Equals("hereafter", StringComparison.OrdinalIgnoreCase)
                || word.Equals("known", StringComparison.OrdinalIgnoreCase) || word.Equals("form", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static void LicenseBreadth(SentenceFacts facts, List<Evidence> found)
    {
        var r = facts.Reader;
        var grant = facts.PartyGrant || facts.PassiveGrant || facts.LicenseSubject
            || facts.Actions.Any(a => SentenceFacts.OtherActs(a) && a.Permitted && (a.Kind & (Concept.Use | Concept.Share | Concept.Modify)) != 0);
        if (!grant)
        {
            return;
        }

        for (var k = r.Sentence.FocusFrom; k < r.Count; k++)
        {
            if (!r.Is(k, ConceptSets.Breadth) || Denied(r, k) || IsPartOfName(r, k) || !NearGrant(r, k))
            {
                continue;
            }

            // "sublicense" as a granted right is sharing; as a breadth word it must describe the licence.
            if (r.Is(k, Concept.Sublicensable) && !r.Is(k, Concept.Perpetual | Concept.Irrevocable | Concept.Worldwide | Concept.RoyaltyFree) && r.Is(k, Concept.Share) && r.IsWord(k - 1, "to"))
            {
                continue;
            }

            var kind = r.Is(k, Concept.Perpetual | Concept.Irrevocable) ? RuleIds.PerpetualIrrevocable : RuleIds.BroadGrant;
            found.Add(new Evidence(Category.LicenseBreadth, kind, k, PhraseEnd(r, k)));
            return;
        }

        if (facts.Actions.Any(a => SentenceFacts.PartyGives(a) && a.Kind.HasFlag(Concept.Release) && InFocus(r, a.At)))
        {
            var release = facts.Actions.First(a => SentenceFacts.PartyGives(a) && a.Kind.HasFlag(Concept.Release) && InFocus(r, a.At));
            found.Add(new Evidence(Category.LicenseBreadth, RuleIds.Release, release.At, PhraseEnd(r, release.At)));
        }
    }

    /// <summary>A breadth word describes a licence, a right or a use close to it ("a perpetual, worldwide licence",
    /// "use ... throughout the universe"), not a waiver of claims or a limitations period ("forever barred").</summary>
    private static bool NearGrant(ClauseReader r, int k)
    {
        for (var j = Math.Max(0, k - 18); j < r.Count && j <= k + 12; j++)
        {
            if ((j != k || r.Is(k, Concept.Share)) && (r.Is(j, Concept.License | Concept.Grant | Concept.Release | Concept.Use | Concept.Share | Concept.Publish | Concept.Modify) || r.IsWord(j, "right") || r.IsWord(j, "rights")))
            {
                return true;
            }
        }

        return false;
    }

    // "Global Privacy Control", "Worldwide Plaza": a capitalised word inside a name.
    private static bool IsPartOfName(ClauseReader r, int k) =>
        r.Tok(k).Shape == Shape.Capitalized && k > r.Sentence.FocusFrom && k + 1 < r.Count && r.Tok(k + 1).Shape == Shape.Capitalized;

    private static void DerivativeWorks(SentenceFacts facts, List<Evidence> found)
    {
        var r = facts.Reader;
        if (HumanOnly(r))
        {
            return;
        }

        foreach (var a in facts.Actions)
        {
            // What the party licenses is the party's to license ("Contractor grants Client a licence to modify the
            // Background IP"), unless the object is named as the other side's.
            var licensed = facts.PartyGrant && a.Material == Owner.Other && a.Actor != Side.Party && !OthersObjectAfter(r, a.At, 8);
            if (!a.Kind.HasFlag(Concept.Modify) || !InFocus(r, a.At) || !a.Affirmed || !(a.OnMaterial || licensed) || a.OnContract)
            {
                continue;
            }

            // "the content was altered by AI": a passive that reports, not one that allows ("may be edited").
            if (a.Passive && !a.Modal && !a.Permitted && !facts.PartyGrant)
            {
                continue;
            }

            if (a.Actor == Side.Party && !facts.PartyGrant)
            {
                continue;
            }

            // "models that answer questions, translate and summarise text": what a thing can do, with nobody allowed.
            if (a.Actor == Side.None && !a.Passive && !a.Modal && !a.Permitted && !facts.Gives)
            {
                continue;
            }

            if (a.Actor == Side.Party && facts.PartyGrant && !a.Passive)
            {
                continue;
            }

            found.Add(new Evidence(Category.DerivativeWorks, RuleIds.Modify, a.At, PhraseEnd(r, a.At)));
            return;
        }

        // A list item that is only the right granted in its lead-in: "adaptations for social formats".
        if (r.Sentence.FocusFrom > 0 && facts.Gives)
        {
            for (var k = r.Sentence.FocusFrom; k < r.Count && k <= r.Sentence.FocusFrom + 3; k++)
            {
                if (r.Is(k, Concept.Modify) && r.Tok(k).Side == Side.None && !Denied(r, k))
                {
                    found.Add(new Evidence(Category.DerivativeWorks, RuleIds.Modify, k, PhraseEnd(r, k)));
                    return;
                }
            }
        }
    }

    private static bool OthersObjectAfter(ClauseReader r, int k, int reach)
    {
        for (var j = k + 1; j < r.Count && j <= k + reach; j++)
        {
            if (r.Tok(j).Shape == Shape.Punctuation && r.Tok(j).Mark is '.' or ';')
            {
                return false;
            }

            // "the Background IP", "the Software" are the party's own when the party is the one licensing them.
            if (r.Tok(j).Side is Side.Counterparty or Side.Third)
            {
                return true;
            }
        }

        return false;
    }
}

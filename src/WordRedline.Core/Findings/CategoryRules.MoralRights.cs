namespace WordRedline.Core;

/// <summary>Moral rights waived.</summary>
internal static partial class CategoryRules
{
    private static void MoralRights(SentenceFacts facts, List<Evidence> found)
    {
        var r = facts.Reader;

        // "You retain all moral rights ... However, you waive these rights": the waiver refers back within the paragraph.
        if (!Any(r, Concept.MoralRights) && r.ParagraphHas(Concept.MoralRights))
        {
            foreach (var a in facts.Actions)
            {
                if (InFocus(r, a.At) && a.Actor != Side.Counterparty && ((a.Kind.HasFlag(Concept.Waive) && a.Affirmed) || (a.Kind.HasFlag(Concept.Assert) && a.Negated)))
                {
                    found.Add(new Evidence(Category.MoralRights, RuleIds.MoralRights, a.At, PhraseEnd(r, a.At)));
                    return;
                }
            }
        }

        for (var k = r.Sentence.FocusFrom; k < r.Count; k++)
        {
            if (!r.Is(k, Concept.MoralRights | Concept.NoAttribution))
            {
                continue;
            }

            var gives = facts.Actions.Any(a =>
                (a.Kind.HasFlag(Concept.Waive) && a.Affirmed && a.Actor != Side.Counterparty)
                || (a.Kind.HasFlag(Concept.Assert) && a.Negated && a.Actor != Side.Counterparty)
                || SentenceFacts.PartyGives(a)
                || (r.Is(k, Concept.NoAttribution) && SentenceFacts.OtherActs(a)));
            var includes = r.Sentence.FocusFrom > 0 && facts.Gives;
            var neverAsserts = facts.Actions.Any(a => a.Kind.HasFlag(Concept.Assert) && a.Negated && a.Actor != Side.Counterparty);
            if ((gives || includes || IncludedInLicence(r, k)) && (neverAsserts || !Denied(r, k)))
            {
                found.Add(new Evidence(Category.MoralRights, RuleIds.MoralRights, k, PhraseEnd(r, k)));
                return;
            }
        }
    }

    // "any license to Company hereunder includes all rights of paternity, integrity ... moral rights".
    private static bool IncludedInLicence(ClauseReader r, int k)
    {
        for (var j = 0; j < k; j++)
        {
            if (r.Is(j, Concept.License) && r.IsWord(j + 1, "to"))
            {
                for (var m = j; m < k; m++)
                {
                    if (r.IsWord(m, "includes") || r.IsWord(m, "include"))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }
}

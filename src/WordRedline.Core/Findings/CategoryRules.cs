namespace WordRedline.Core;

/// <summary>Decides, from a sentence's clause frames, which categories it carries. Each rule asks the same questions
/// a careful reader does: is this the protected party's material, is it given to or taken by someone else, and is it
/// allowed rather than denied. The words that show it must lie in the sentence's own text (its focus), never only in
/// the lead-in it completes.</summary>
internal static partial class CategoryRules
{
    public static void Evaluate(SentenceFacts facts, bool operative, List<Evidence> found)
    {
        if (operative && !facts.Shouting && !facts.Question)
        {
            AiTraining(facts, found);
            UsageScope(facts, found);
            LicenseBreadth(facts, found);
            DerivativeWorks(facts, found);
            DataSharing(facts, found);
            IpAssignment(facts, found);
            MoralRights(facts, found);
        }
        else
        {
            // A heading or note may still state a protection ("No generative AI training use").
            var protections = new List<Evidence>();
            AiTraining(facts, protections);
            found.AddRange(protections.Where(e => e.Category == Category.AiProtection));
        }
    }

    // A processor processing data on the other side's behalf is not, by itself, sharing it.
    private static bool IsProcessing(ClauseReader r, int k) => r.Word(k).StartsWith("process", StringComparison.OrdinalIgnoreCase);

    private static bool RequiredByLaw(ClauseReader r, int k)
    {
        for (var j = k + 1; j < r.Count && j <= k + 12; j++)
        {
            if ((r.IsWord(j, "required") || r.IsWord(j, "compelled")) && (r.IsWord(j + 1, "by") || r.IsWord(j + 1, "under")))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ContractNear(ClauseReader r, int k)
    {
        // "assign this Agreement", "assign its rights and obligations", "Assignment. Neither party may assign".
        for (var j = k + 1; j < r.Count && j <= k + 6; j++)
        {
            if (r.Is(j, Concept.ContractNoun))
            {
                return true;
            }

            if (r.Is(j, Concept.WorkNoun | Concept.RightsNoun) && !r.Is(j, Concept.ContractNoun) && !(r.IsWord(j, "rights") && r.IsWord(j - 1, "its")))
            {
                return false;
            }
        }

        return false;
    }

    private static bool ThirdAfter(ClauseReader r, int k, int reach)
    {
        for (var j = k; j < r.Count && j <= k + reach; j++)
        {
            if (r.Is(j, Concept.ThirdParty))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The sentence gives before (or at) position k: a grant by the party, a passive grant, use by the other
    /// side, or a licence spoken of as the subject.</summary>
    private static bool GivenBefore(SentenceFacts facts, int k)
    {
        if (facts.LicenseSubject || facts.PassiveGrant)
        {
            return true;
        }

        foreach (var a in facts.Actions)
        {
            if (a.At > k + 2)
            {
                break;
            }

            if ((SentenceFacts.PartyGives(a) && !a.Kind.HasFlag(Concept.Waive)) || (SentenceFacts.OtherActs(a) && (a.Kind & (Concept.Use | Concept.Share | Concept.Publish | Concept.Modify | Concept.Convey | Concept.License | Concept.Grant | Concept.Train)) != 0))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A negation in the clause before the word ("not for any purpose", "non-transferable" is another word).</summary>
    private static bool Denied(ClauseReader r, int k)
    {
        for (var j = k - 1; j >= 0 && j >= k - 6 && r.SameClause(j, k); j--)
        {
            if (r.Is(j, Concept.Negation) && !r.IsWord(j, "no") && !r.Is(j, Concept.RoyaltyFree))
            {
                return true;
            }

            if (r.Is(j, ConceptSets.Acting | ConceptSets.Giving))
            {
                return r.Read(j, r.Tok(j).Concepts).Negated;
            }
        }

        return false;
    }

    private static bool HumanOnly(ClauseReader r)
    {
        var human = false;
        var only = false;
        for (var k = 0; k < r.Count; k++)
        {
            human |= r.IsWord(k, "human") || r.IsWord(k, "humans");
            only |= r.Is(k, Concept.Only);
        }

        return human && only;
    }

    private static bool Any(ClauseReader r, Concept concept)
    {
        for (var k = 0; k < r.Count; k++)
        {
            if (r.Is(k, concept))
            {
                return true;
            }
        }

        return false;
    }

    private static bool After(ClauseReader r, int k, Concept concept, int reach)
    {
        for (var j = k + 1; j < r.Count && j <= k + reach && r.SameClause(j, k); j++)
        {
            if (r.Is(j, concept))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Near(ClauseReader r, int k, Concept concept, int reach)
    {
        for (var j = Math.Max(0, k - reach); j < r.Count && j <= k + reach; j++)
        {
            if (j != k && r.Is(j, concept))
            {
                return true;
            }
        }

        return false;
    }

    private static int NearestEnd(ClauseReader r, int k, Concept concept, int reach)
    {
        for (var j = k + 1; j < r.Count && j <= k + reach; j++)
        {
            if (r.Is(j, concept))
            {
                return PhraseEnd(r, j);
            }
        }

        return k + 1;
    }

    private static bool NextIsMaterial(ClauseReader r, int k)
    {
        for (var j = k + 1; j < r.Count && j <= k + 4; j++)
        {
            if (r.Tok(j).Side == Side.Party || r.Is(j, Concept.WorkNoun))
            {
                return true;
            }
        }

        return false;
    }

    private static bool InFocus(ClauseReader r, int k) => k >= r.Sentence.BodyFrom;

    /// <summary>The sentence position just past the phrase starting at k (tokens of one paragraph are contiguous).</summary>
    internal static int PhraseEnd(ClauseReader r, int k)
    {
        var documentEnd = r.Tok(k).PhraseEnd;
        var end = k + 1;
        while (end < r.Count && r.Sentence[end] < documentEnd && r.Sentence[end] == r.Sentence[end - 1] + 1)
        {
            end++;
        }

        return end;
    }
}

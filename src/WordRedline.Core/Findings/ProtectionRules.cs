namespace WordRedline.Core;

/// <summary>The protective wording the fixes and the addendum add, recognised wherever it appears, so a contract that
/// already has it is credited (and its risks lowered) rather than redlined twice.</summary>
internal static class ProtectionRules
{
    public static void Evaluate(ClauseReader r, List<Evidence> found)
    {
        int modify = -1, human = -1, only = -1, notify = -1, ai = -1, third = -1;
        for (var k = r.Sentence.FocusFrom; k < r.Count; k++)
        {
            if (modify < 0 && r.Is(k, Concept.Modify))
            {
                modify = k;
            }

            if (human < 0 && (r.IsWord(k, "human") || r.IsWord(k, "humans")))
            {
                human = k;
            }

            if (only < 0 && r.Is(k, Concept.Only))
            {
                only = k;
            }

            if (notify < 0 && (r.IsWord(k, "notify") || r.IsWord(k, "notice")))
            {
                notify = k;
            }

            if (ai < 0 && r.Is(k, Concept.AiObject))
            {
                ai = k;
            }

            if (third < 0 && (r.Tok(k).Side == Side.Third || r.Is(k, Concept.ThirdParty)))
            {
                third = k;
            }
        }

        if (modify >= 0 && human >= 0 && only >= 0)
        {
            found.Add(new Evidence(Category.AiProtection, RuleIds.HumanAgents, modify, CategoryRules.PhraseEnd(r, modify)));
        }

        if (notify >= 0 && ai >= 0 && third >= 0)
        {
            found.Add(new Evidence(Category.AiProtection, RuleIds.AiProviderNotice, notify, notify + 1));
        }
    }
}

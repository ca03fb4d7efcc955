namespace WordRedline.Core;

/// <summary>Decides, from a sentence's clause frames, which categories it carries. Each rule asks the same questions
/// a careful reader does: is this the protected party's material, is it given to or taken by someone else, and is it
/// allowed rather than denied. The words that show it must lie in the sentence's own text (its focus), never only in
/// the lead-in it completes.</summary>
internal static class CategoryRules
{
    public static void Evaluate(SentenceFacts facts, bool operative, List<Evidence> found)
    {
        var reader = facts.Reader;
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

        _ = reader;
    }

    private static void AiTraining(SentenceFacts facts, List<Evidence> found)
    {
        var r = facts.Reader;
        var optOut = Any(r, Concept.OptOut);
        for (var k = r.Sentence.FocusFrom; k < r.Count; k++)
        {
            if (!IsTrainingSignal(r, k, out var end))
            {
                continue;
            }

            var signal = r.Read(k, Concept.Train);
            var governing = facts.Governing(k);
            // What is trained on: the governing use's object, else the material just before "to train" ("use of the
            // Work Product to train an AI system": the system trained is not the material).
            var material = governing is { Material: not Owner.None } g ? g.Material
                : signal.Material is Owner.Party or Owner.Unknown ? signal.Material
                : MaterialNearBefore(r, k) ? Owner.Unknown : signal.Material;
            // "If you do not want us to use your Content to train our models, you can opt out": the condition says what
            // happens by default.
            var conditioned = r.InCondition(k) && r.Read(k, Concept.Train) is var inner && inner.Actor != Side.Party;
            if (optOut && (material is Owner.Party or Owner.Unknown || MaterialNearBefore(r, k) || (conditioned && NextIsMaterial(r, k))))
            {
                // "you can opt out of our using your content to train": training is the default.
                found.Add(new Evidence(Category.AiTraining, RuleIds.AiOptOut, k, end));
                return;
            }

            if (material == Owner.Other && !facts.PartyGrant)
            {
                continue;
            }

            var denied = (signal.Negated && !signal.Excepted) || (governing is { } d && d.Negated && !d.Excepted && d.Actor == signal.Actor);
            if (denied)
            {
                // A promise not to train, or a prohibition on training, that binds the other side over the party's
                // material (not a restriction on the protected party's own use of the other side's service).
                var actor = governing?.Actor ?? signal.Actor;
                var near = NegationNear(r, k, 12) || (governing is { Negated: true } gn && k - gn.At <= 20);
                if (actor != Side.Party && (material is Owner.Party or Owner.Unknown || actor == Side.Counterparty) && near && (governing is not null || !IsNounSignal(r, k)))
                {
                    found.Add(new Evidence(Category.AiProtection, RuleIds.NoTraining, k, end));
                    return;
                }

                continue;
            }

            // A noun phrase ("training data", "machine learning") acts only through a verb that governs it.
            if (governing is null && IsNounSignal(r, k))
            {
                continue;
            }

            // An allowance or promise, not a description ("an AI model trained on recordings", "we limit training data").
            var allowed = signal.Modal || signal.Permitted || governing is { Modal: true } || facts.PartyGrant || facts.PassiveGrant
                || (governing is { OnMaterial: true } gp && PublicMaterial(r, gp.At))
                || (signal.Actor == Side.Counterparty && !signal.Descriptive) || (governing is { Actor: Side.Counterparty, Descriptive: false });
            if (!allowed)
            {
                continue;
            }

            var byOther = governing is { } go ? SentenceFacts.OtherActs(go) || (go.OnMaterial && SentenceFacts.PartyGives(go)) || (go.OnMaterial && PublicMaterial(r, go.At))
                : signal.Actor != Side.Party && signal.OnMaterial && !signal.Descriptive;
            if (byOther || ((facts.PartyGrant || facts.PassiveGrant) && material != Owner.None))
            {
                var kind = r.Is(k, Concept.Train) || r.Is(k, Concept.Improve) ? RuleIds.AiTraining : RuleIds.AiUse;

                // "product development and model training": quote the training itself, so the fix strikes just that.
                var at = k;
                for (var j = k + 1; j < end; j++)
                {
                    if (r.Is(j, Concept.Train))
                    {
                        at = j;
                        break;
                    }
                }

                found.Add(new Evidence(Category.AiTraining, kind, at, Math.Max(end, at + 1)));
                return;
            }
        }
    }

    /// <summary>"any publicly accessible Content", "public repositories": material anyone may reach, whoever the
    /// sentence addresses.</summary>
    private static bool PublicMaterial(ClauseReader r, int k)
    {
        for (var j = k + 1; j < r.Count && j <= k + 8; j++)
        {
            if (r.IsWord(j, "publicly") || r.IsWord(j, "public"))
            {
                return j + 2 < r.Count && (r.Is(j + 1, Concept.WorkNoun) || r.Is(j + 2, Concept.WorkNoun));
            }
        }

        return false;
    }

    private static bool MaterialNearBefore(ClauseReader r, int k)
    {
        for (var j = k - 1; j >= 0 && j >= k - 6; j--)
        {
            if (r.Is(j, Concept.WorkNoun) || (r.Tok(j).Side == Side.Party && r.Tok(j).Possessive))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsNounSignal(ClauseReader r, int k)
    {
        var word = r.Word(k);
        return r.Tok(k).PhraseEnd > r.Sentence[k] + 1 && !word.Equals("train", StringComparison.OrdinalIgnoreCase) && !word.StartsWith("fine", StringComparison.OrdinalIgnoreCase)
            || word.StartsWith("dataset", StringComparison.OrdinalIgnoreCase) || word.Equals("machine", StringComparison.OrdinalIgnoreCase) || word.Equals("deep", StringComparison.OrdinalIgnoreCase);
    }

    private static bool NegationNear(ClauseReader r, int k, int reach)
    {
        for (var j = k - 1; j >= 0 && j >= k - reach; j--)
        {
            if (r.Is(j, ConceptSets.Negative))
            {
                return true;
            }
        }

        for (var j = k + 1; j < r.Count && j <= k + 4; j++)
        {
            if (r.Is(j, Concept.Prohibition))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Training words: train, fine-tune, machine learning; develop or improve next to a model or AI; AI named as
    /// the purpose or recipient of a use ("use the Deliverables with generative AI tools").</summary>
    private static bool IsTrainingSignal(ClauseReader r, int k, out int end)
    {
        end = Math.Max(k + 1, Math.Min(r.Count, PhraseEnd(r, k)));
        if (r.Tok(k).Shape == Shape.Capitalized && k > r.Sentence.FocusFrom && k + 1 < r.Count && r.Tok(k + 1).Shape == Shape.Capitalized && !r.Is(k + 1, Concept.AiObject))
        {
            // A defined term such as "Training Audio" names material, not the act of training.
            return false;
        }

        if (r.Is(k, Concept.Train))
        {
            // "training" alone can be staff training; it needs AI or models nearby, or a direct object that is material.
            var word = r.Word(k);
            if (word.Equals("training", StringComparison.OrdinalIgnoreCase) && r.Tok(k).PhraseEnd == r.Sentence[k] + 1 && k + 1 < r.Count && r.Is(k + 1, Concept.WorkNoun) && !r.Is(k + 1, Concept.AiObject))
            {
                // "training audio", "training materials": a kind of material, not the act.
                return false;
            }

            if (word.Equals("training", StringComparison.OrdinalIgnoreCase) || word.Equals("trained", StringComparison.OrdinalIgnoreCase)
                || word.Equals("train", StringComparison.OrdinalIgnoreCase) || word.Equals("trains", StringComparison.OrdinalIgnoreCase)
                || word.Equals("teach", StringComparison.OrdinalIgnoreCase))
            {
                return Near(r, k, Concept.AiObject, 6) || NextIsMaterial(r, k);
            }

            return true;
        }

        if (r.Is(k, Concept.Improve) && !r.Is(k, Concept.AiObject) && After(r, k, Concept.AiObject, 4))
        {
            end = NearestEnd(r, k, Concept.AiObject, 4);
            return true;
        }

        if (r.Is(k, Concept.AiObject) && k > 0 && (r.IsWord(k - 1, "with") || r.IsWord(k - 1, "into") || r.IsWord(k - 1, "in")
            || r.IsWord(k - 2, "with") || r.IsWord(k - 2, "into") || r.IsWord(k - 2, "in")) && !Near(r, k, Concept.Train | Concept.Improve, 6)
            && UsedJustBefore(r, k))
        {
            return IsGenerativeAi(r, k);
        }

        return false;
    }

    // "use the Deliverables with AI tools": a use of material within a few words before the AI.
    private static bool UsedJustBefore(ClauseReader r, int k)
    {
        for (var j = k - 1; j >= 0 && j >= k - 10 && r.SameClause(j, k); j--)
        {
            if (r.Is(j, Concept.Use | Concept.Share | Concept.Convey | Concept.Train))
            {
                return true;
            }
        }

        return false;
    }

    // "generative AI", "AI tools", "AI systems", "machine learning": a model word alone ("3D models") is not AI.
    private static bool IsGenerativeAi(ClauseReader r, int k)
    {
        var word = r.Word(k);
        return !(word.Equals("model", StringComparison.OrdinalIgnoreCase) || word.Equals("models", StringComparison.OrdinalIgnoreCase)
            || word.Equals("algorithm", StringComparison.OrdinalIgnoreCase) || word.Equals("algorithms", StringComparison.OrdinalIgnoreCase));
    }

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

            if (Denied(r, k) || !GivenBefore(facts, k) || !NearestActionGives(facts, k, requireAction: free && !open))
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
            if (!a.Kind.HasFlag(Concept.Modify) || !InFocus(r, a.At) || !a.Affirmed || !a.OnMaterial || a.OnContract)
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

    private static void DataSharing(SentenceFacts facts, List<Evidence> found)
    {
        var r = facts.Reader;
        foreach (var a in facts.Actions)
        {
            if (!InFocus(r, a.At) || !a.Affirmed || a.OnContract)
            {
                continue;
            }

            var kind = a.Kind;
            var byOther = a.Actor != Side.Party;
            var onMaterial = a.OnMaterial;
            if (a.Descriptive || r.InCondition(a.At) || a.Recipient == Side.Party || (RequiredByLaw(r, a.At) && a.Recipient != Side.Third))
            {
                // Made available to the protected party itself, or a disclosure the law compels with nobody named.
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
            var shares = (kind.HasFlag(Concept.Share) && byOther && thirdAllowed && onMaterial)
                || (kind & (Concept.Convey | Concept.Publish)) != 0 && byOther && a.Recipient is Side.Third && onMaterial
                || (kind.HasFlag(Concept.Publish) && byOther && onMaterial && facts.PartyGrant)
                || (a.Actor == Side.Third && (kind & (Concept.Use | Concept.Access | Concept.Share | Concept.Convey | Concept.Modify | Concept.Publish)) != 0 && onMaterial && (a.Modal || a.Permitted)
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

    private static void IpAssignment(SentenceFacts facts, List<Evidence> found)
    {
        var r = facts.Reader;
        foreach (var a in facts.Actions)
        {
            if (!InFocus(r, a.At) || !a.Affirmed)
            {
                continue;
            }

            var kind = a.Kind;
            var assigner = a.Actor == Side.Party || (a.Passive && a.Actor != Side.Counterparty && a.Actor != Side.Third);
            if (kind.HasFlag(Concept.Assign) && assigner && !a.OnContract && a.Recipient != Side.Party && !ContractNear(r, a.At) && !OnlyMoralRights(r, a.At))
            {
                found.Add(new Evidence(Category.IpAssignment, RuleIds.Assignment, a.At, PhraseEnd(r, a.At)));
                return;
            }

            if (kind.HasFlag(Concept.WorkForHire) && StatesWorkForHire(r, a.At))
            {
                found.Add(new Evidence(Category.IpAssignment, RuleIds.WorkForHire, a.At, PhraseEnd(r, a.At)));
                return;
            }

            if (kind.HasFlag(Concept.Own) && IsOwnershipClaim(r, a) && a.Material != Owner.Other && (a.OnMaterial || RightsAfter(r, a.At)) && !RightsInOthers(r, a.At)
                && (!a.Passive || (SubjectIsMaterial(r, a.At) && !a.Descriptive)))
            {
                found.Add(new Evidence(Category.IpAssignment, RuleIds.Ownership, a.At, PhraseEnd(r, a.At)));
                return;
            }

            if ((kind & (Concept.Property | Concept.Vest | Concept.Belong)) != 0 && OwnerAfter(r, a.At) is Side.Counterparty or Side.Third && SubjectNotOthers(r, a.At)
                && (kind.HasFlag(Concept.Belong) ? RightsNear(r, a.At) : MaterialBefore(r, a.At) || RightsNear(r, a.At))
                && (!kind.HasFlag(Concept.Property) || CopulaBefore(r, a.At)))
            {
                found.Add(new Evidence(Category.IpAssignment, RuleIds.Ownership, a.At, PhraseEnd(r, a.At)));
                return;
            }

            if (SentenceFacts.PartyGives(a) && kind.HasFlag(Concept.Grant) && RightsAfter(r, a.At))
            {
                found.Add(new Evidence(Category.IpAssignment, RuleIds.Assignment, a.At, PhraseEnd(r, a.At)));
                return;
            }
        }
    }

    /// <summary>"owns all right, title and interest in Client Content": the rights are in the other side's own material.</summary>
    private static bool RightsInOthers(ClauseReader r, int k)
    {
        for (var j = k + 1; j < r.Count && j <= k + 30; j++)
        {
            if ((r.IsWord(j, "in") || r.IsWord(j, "to")) && r.Is(j - 1, Concept.RightsNoun | Concept.Grammar))
            {
                for (var m = j + 1; m < r.Count && m <= j + 5; m++)
                {
                    var token = r.Tok(m);
                    if (token.Side is Side.Counterparty or Side.Third && (token.Possessive || (m + 1 < r.Count && r.Is(m + 1, Concept.WorkNoun | Concept.ServiceNoun))))
                    {
                        return true;
                    }

                    if (r.Is(m, Concept.ServiceNoun) && !r.Is(m, Concept.WorkNoun))
                    {
                        return true;
                    }

                    if (r.Is(m, Concept.WorkNoun) || token.Side == Side.Party)
                    {
                        return false;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>"will be works made for hire", "deemed a work made for hire", "Work Product ... as work made for hire":
    /// stated of the work, not a kind of engagement ("consulting, work-for-hire, or any other basis").</summary>
    private static bool StatesWorkForHire(ClauseReader r, int k)
    {
        for (var j = k - 1; j >= 0 && j >= k - 5; j--)
        {
            if (r.Is(j, Concept.Be) || r.IsWord(j, "deemed") || r.IsWord(j, "considered") || r.IsWord(j, "constitute") || r.IsWord(j, "constitutes")
                || r.IsWord(j, "as") || r.IsWord(j, "qualify") || r.IsWord(j, "qualifies") || r.Is(j, Concept.WorkNoun))
            {
                return true;
            }
        }

        return false;
    }

    private static bool CopulaBefore(ClauseReader r, int k)
    {
        for (var j = k - 1; j >= 0 && j >= k - 5; j--)
        {
            if (r.Is(j, Concept.Be))
            {
                return true;
            }
        }

        return false;
    }

    private static bool SubjectIsMaterial(ClauseReader r, int k)
    {
        for (var j = k - 1; j >= 0 && j >= k - 6; j--)
        {
            if (r.Is(j, Concept.WorkNoun | Concept.RightsNoun) || (r.Tok(j).Side == Side.Party && r.Tok(j).Possessive))
            {
                return true;
            }
        }

        return false;
    }

    private static bool MaterialBefore(ClauseReader r, int k)
    {
        for (var j = k - 1; j >= 0 && j >= k - 40; j--)
        {
            if (r.Is(j, Concept.WorkNoun | Concept.RightsNoun) || (r.Tok(j).Side == Side.Party && r.Tok(j).Possessive) || r.IsWord(j, "it") || r.IsWord(j, "they"))
            {
                return true;
            }

            if (r.Tok(j).Shape == Shape.Punctuation && r.Tok(j).Mark is '.' or ';')
            {
                break;
            }
        }

        return false;
    }

    private static bool RightsNear(ClauseReader r, int k)
    {
        for (var j = Math.Max(0, k - 8); j < r.Count && j <= k + 8; j++)
        {
            if (r.Is(j, Concept.RightsNoun) && !r.IsWord(j, "right") && !r.IsWord(j, "rights"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"transfers and assigns ... any and all Moral Rights": that is a moral-rights waiver, not an assignment of
    /// the work.</summary>
    private static bool OnlyMoralRights(ClauseReader r, int k)
    {
        for (var j = k + 1; j < r.Count && j <= k + 45; j++)
        {
            if (r.Is(j, Concept.MoralRights))
            {
                return true;
            }

            if (r.Is(j, Concept.WorkNoun | Concept.RightsNoun) && !r.Is(j, Concept.MoralRights) && !r.IsWord(j, "rights"))
            {
                return false;
            }
        }

        return false;
    }

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

    private static bool IsOwnershipClaim(ClauseReader r, Action a)
    {
        var word = r.Word(a.At);
        // "its own", "your own": an adjective. "ownership" is claimed only with have/obtain/acquire.
        if (word.Equals("own", StringComparison.OrdinalIgnoreCase) && a.At > 0 && (r.Tok(a.At - 1).Possessive || r.IsWord(a.At - 1, "its") || r.IsWord(a.At - 1, "their") || r.IsWord(a.At - 1, "his") || r.IsWord(a.At - 1, "her")))
        {
            return false;
        }

        if (word.StartsWith("owner", StringComparison.OrdinalIgnoreCase) && !word.Equals("owner", StringComparison.OrdinalIgnoreCase) && !word.Equals("owners", StringComparison.OrdinalIgnoreCase))
        {
            return a.Actor is Side.Counterparty or Side.Third && (r.IsWord(a.At - 1, "have") || r.IsWord(a.At - 1, "has") || r.IsWord(a.At - 1, "obtain") || r.IsWord(a.At - 1, "acquire"));
        }

        if (a.Passive)
        {
            // "owned exclusively by Company".
            return a.Actor is Side.Counterparty or Side.Third;
        }

        return a.Actor is Side.Counterparty or Side.Third;
    }

    /// <summary>The side named right after "property of", "vest in", "belong to", "pass to".</summary>
    private static Side OwnerAfter(ClauseReader r, int k)
    {
        for (var j = k + 1; j < r.Count && j <= k + 6; j++)
        {
            var token = r.Tok(j);
            if (token.Side != Side.None)
            {
                return token.Side;
            }

            // A name the document does not define is still someone other than the protected party.
            if (token.Shape is Shape.Capitalized or Shape.Upper && j > k + 1 && (r.IsWord(j - 1, "of") || r.IsWord(j - 1, "to") || r.IsWord(j - 1, "in")))
            {
                return Side.Counterparty;
            }

            if (token.Shape == Shape.Punctuation && token.Mark is '.' or ';')
            {
                break;
            }
        }

        return Side.None;
    }

    /// <summary>The thing that becomes the other side's property is not already theirs ("Client's materials remain the
    /// property of Client").</summary>
    private static bool SubjectNotOthers(ClauseReader r, int k)
    {
        for (var j = k - 1; j >= 0 && j >= k - 12; j--)
        {
            var token = r.Tok(j);
            if (token.Side is Side.Counterparty or Side.Third && (token.Possessive || (j + 1 < r.Count && r.Is(j + 1, Concept.WorkNoun | Concept.ServiceNoun))))
            {
                return false;
            }

            if (token.Side == Side.Party && token.Possessive)
            {
                return true;
            }
        }

        return true;
    }

    private static bool RightsAfter(ClauseReader r, int k)
    {
        for (var j = k + 1; j < r.Count && j <= k + 8; j++)
        {
            if (r.Is(j, Concept.RightsNoun) && (r.IsWord(j - 1, "all") || r.IsWord(j, "all")) && r.Tok(j).PhraseEnd - r.Sentence[j] >= 4)
            {
                return true;
            }

            if (r.Word(j).Equals("title", StringComparison.OrdinalIgnoreCase) && r.IsWord(j - 1, "and") == false && r.Is(j, Concept.RightsNoun) && r.IsWord(j + 1, "and"))
            {
                return true;
            }
        }

        return false;
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

    private static bool InFocus(ClauseReader r, int k) => r.Sentence.InFocus(k);

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

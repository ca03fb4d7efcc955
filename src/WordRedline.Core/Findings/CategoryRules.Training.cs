namespace WordRedline.Core;

/// <summary>AI training: a permission, an opt-out, use with AI tools, and the protections that deny them.</summary>
internal static partial class CategoryRules
{
    private static void AiTraining(SentenceFacts facts, List<Evidence> found)
    {
        var r = facts.Reader;
        var optOut = Any(r, Concept.OptOut);
        for (var k = r.Sentence.FocusFrom; k < r.Count; k++)
        {
            // "prompts, content, or fine-tuning data": a kind of material listed, not training anyone does.
            if (!IsTrainingSignal(r, k, out var end) || r.ListedMaterialKind(k))
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

            // "using information to train and improve our machine learning models", "To train our models | your
            // Input and Output": no subject is named, but the models trained are the other side's, so the other side
            // trains, on the party's material when the sentence names it after the models.
            var theirModels = (governing ?? signal) is { Actor: Side.None, Passive: false, Descriptive: false }
                && (signal.Actor == Side.Counterparty || OtherSidesModelAfter(r, k, 12));
            if (theirModels && material == Owner.Other && governing is null && PartyMaterialAfter(r, k))
            {
                material = Owner.Party;
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
                if (actor != Side.Party && !(actor is Side.Third or Side.None && PartyBoundBefore(facts, k))
                    && (material is Owner.Party or Owner.Unknown || actor == Side.Counterparty) && near && (governing is not null || !IsNounSignal(r, k)))
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
            var allowed = theirModels || signal.Modal || signal.Permitted || governing is { Modal: true } || facts.PartyGrant || facts.PassiveGrant
                || (governing is { OnMaterial: true } gp && PublicMaterial(r, gp.At))
                || (signal.Actor == Side.Counterparty && !signal.Descriptive) || (governing is { Actor: Side.Counterparty, Descriptive: false });
            if (!allowed)
            {
                continue;
            }

            var byOther = governing is { } go ? SentenceFacts.OtherActs(go) || (go.OnMaterial && SentenceFacts.PartyGives(go)) || (go.OnMaterial && PublicMaterial(r, go.At))
                : signal.Actor != Side.Party && signal.OnMaterial && !signal.Descriptive;
            if (byOther || (theirModels && material != Owner.None) || ((facts.PartyGrant || facts.PassiveGrant) && material != Owner.None))
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

    /// <summary>"You may not ... or allow others to ...", "you shall not: (c) scrape ... using data mining tools": a
    /// denial with no subject of its own, or one about others the party lets act, after the party is forbidden
    /// something, restricts the protected party; it protects nothing of its work.</summary>
    private static bool PartyBoundBefore(SentenceFacts facts, int k) =>
        facts.Actions.Any(a => a.At < k && a.Actor == Side.Party && a.Negated);

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

    /// <summary>The thing trained is the other side's model or AI ("our models", "our machine learning technology"),
    /// within reach after k.</summary>
    private static bool OtherSidesModelAfter(ClauseReader r, int k, int reach)
    {
        for (var j = k + 1; j < r.Count && j <= k + reach; j++)
        {
            if (r.Tok(j).Shape == Shape.Punctuation && r.Tok(j).Mark is '.' or ';' or '|')
            {
                return false;
            }

            if (r.Tok(j).Side == Side.Counterparty && r.Tok(j).Possessive)
            {
                // Their model or AI ("our machine learning models", "our technology, such as our AI"), not their
                // service ("scrape data from our Services").
                for (var m = j + 1; m < r.Count && m <= j + 4; m++)
                {
                    if (r.Is(m, Concept.AiObject) || r.Is(m, Concept.Train))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static bool PartyMaterialAfter(ClauseReader r, int k)
    {
        for (var j = k + 1; j < r.Count; j++)
        {
            if (r.Tok(j).Work || (r.Tok(j).Side == Side.Party && r.Tok(j).Possessive && j + 1 < r.Count && r.Is(j + 1, Concept.WorkNoun)))
            {
                return true;
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
    /// <summary>A row of a "purpose | data used" table that names training ("development and training of machine
    /// learning models | User Data"): the data in the row trains the model, whoever the row leaves unnamed.</summary>
    public static void PurposeRow(ClauseReader r, List<Evidence> found)
    {
        for (var k = r.Sentence.BodyFrom; k < r.Count; k++)
        {
            if (r.Is(k, Concept.Train) && IsTrainingSignal(r, k, out var end) && Near(r, k, Concept.AiObject, 6) && !NegationNear(r, k, 8))
            {
                found.Add(new Evidence(Category.AiTraining, RuleIds.AiTraining, k, end));
                return;
            }
        }
    }

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
                // "training regarding confidentiality and data security": a subject taught, not material trained on.
                var onTopic = r.IsWord(k + 1, "regarding") || r.IsWord(k + 1, "about") || r.IsWord(k + 1, "concerning") || r.IsWord(k + 1, "related");
                return Near(r, k, Concept.AiObject, 6) || (NextIsMaterial(r, k) && !onTopic);
            }

            return true;
        }

        if (r.Is(k, Concept.Improve) && !r.Is(k, Concept.AiObject) && After(r, k, Concept.AiObject, 4))
        {
            end = NearestEnd(r, k, Concept.AiObject, 4);
            return true;
        }

        // "share your content with third-party AI providers": the AI names a recipient (data sharing), not a tool used on it.
        if (r.Is(k, Concept.AiObject) && r.Tok(k).Side == Side.None && k > 0 && (r.IsWord(k - 1, "with") || r.IsWord(k - 1, "into") || r.IsWord(k - 1, "in")
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
}

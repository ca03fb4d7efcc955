namespace WordRedline.Core;

/// <summary>What the rules ask of a sentence, computed once: its actions, and whether the protected party grants
/// something, a licence is granted in the passive, or the sentence speaks of a licence or release as its subject.</summary>
internal sealed class SentenceFacts
{
    public SentenceFacts(ClauseReader reader)
    {
        Reader = reader;
        // What a party represents and warrants it can do is not something it gives; a participle that describes a noun
        // gives nothing either.
        var actions = reader.Actions().Where(a => !a.Warranted && !reader.InCondition(a.At)).ToList();

        // What the protected party grants, the grantee does: "you grant to Stability a licence to host, use ... and make
        // available to others" has Stability, not you, making the content available.
        var grantAt = actions.FindIndex(a => PartyGives(a));
        if (grantAt >= 0)
        {
            for (var i = grantAt + 1; i < actions.Count; i++)
            {
                var a = actions[i];
                if (a.Actor == Side.Party && a.Affirmed && (a.Kind & ConceptSets.Acting) != 0)
                {
                    actions[i] = a with { Actor = Side.Counterparty, Material = a.Material == Owner.Other ? Owner.Other : Owner.Party };
                }
            }
        }

        Actions = actions;
        PartyGrant = actions.Any(a => PartyGives(a) && (a.Kind & (Concept.Grant | Concept.License | Concept.Release)) != 0)
            || actions.Any(a => a.Actor == Side.None && !a.Passive && a.Affirmed && a.Kind.HasFlag(Concept.Grant) && a.Recipient is Side.Counterparty or Side.Third && DocumentGives(reader, a.At));
        PartyAssigns = actions.Any(a => PartyGives(a) && a.Kind.HasFlag(Concept.Assign));
        // Not "to the extent permitted by law" (a participle describing a noun) nor "we shall be released from our
        // obligations" (a release of the other side, not of the work).
        PassiveGrant = actions.Any(a => a.Passive && a.Affirmed && (a.Kind & (Concept.Grant | Concept.License | Concept.Release)) != 0 && a.Actor != Side.Party
            && !a.Descriptive && !a.OnContract && !(a.Kind.HasFlag(Concept.Release) && a.Material == Owner.Other))
            || OtherSideReceivesLicence(reader);
        LicenseSubject = SpeaksOfLicence(reader);
        Question = reader.Count > 0 && reader.Tok(reader.Count - 1).Mark == '?';
        Shouting = IsShouting(reader);
        OtherUse = actions.Any(a => OtherActs(a) && (a.Kind & (Concept.Use | Concept.Modify | Concept.Share | Concept.Publish | Concept.Convey | Concept.Access | Concept.Train)) != 0);
    }

    public ClauseReader Reader { get; }

    public List<Action> Actions { get; }

    /// <summary>The protected party grants, licenses or releases, and does not deny it.</summary>
    public bool PartyGrant { get; }

    /// <summary>The protected party assigns or transfers ownership.</summary>
    public bool PartyAssigns { get; }

    /// <summary>"Permission is hereby granted", "this License is granted in perpetuity".</summary>
    public bool PassiveGrant { get; }

    /// <summary>"This Release is irrevocable", "This license applies globally", "the license granted herein".</summary>
    public bool LicenseSubject { get; }

    /// <summary>Someone other than the protected party uses, changes, shares or trains on material that is not theirs.</summary>
    public bool OtherUse { get; }

    /// <summary>The sentence gives something away: a grant by the party, a passive grant, or use by the other side.</summary>
    public bool Gives => PartyGrant || PassiveGrant || OtherUse || PartyAssigns;

    /// <summary>The protected party hands over a right: grants, licenses, assigns, releases or waives (a release only of
    /// material: "release the Images", not "release Company from claims").</summary>
    public static bool PartyGives(Action a) =>
        a.Actor == Side.Party && a.Affirmed && !a.OnContract && (a.Kind & (ConceptSets.Giving | Concept.Grant)) != 0
        && (!a.Kind.HasFlag(Concept.Release) || a.Kind.HasFlag(Concept.Grant) || a.OnMaterial);

    /// <summary>Someone other than the protected party acts on material that may be the party's.</summary>
    public static bool OtherActs(Action a) =>
        a.Actor != Side.Party && a.Affirmed && a.OnMaterial && !a.OnContract && !a.Descriptive
        && (a.Actor != Side.None || a.Passive || a.Modal || a.Permitted);

    /// <summary>The action governing position <paramref name="k"/>: the nearest action before it in the sentence that
    /// does something with material (not a purpose verb: in "may be used ... for improving the Service, including
    /// training models" the governing action is "used").</summary>
    public Action? Governing(int k)
    {
        // The purposes listed after a use ("to provide the Platform, improve it, and train models") are not what
        // governs the training: the nearest use of material is.
        Action? found = null;
        Action? onMaterial = null;
        Action? governed = null;
        // A list item's own verbs govern it before the lead-in's ("... a license that is:" / "not to train ...").
        var from = Actions.Any(a => a.At >= Reader.Sentence.FocusFrom && a.At < k && (a.Kind & (Concept.Improve | Concept.Train)) == 0) ? Reader.Sentence.FocusFrom : 0;
        foreach (var a in Actions)
        {
            if (a.At >= from && a.At < k && (a.Kind & (Concept.Improve | Concept.Train)) == 0)
            {
                found = a;
                if (a.Material != Owner.Other)
                {
                    onMaterial = a;
                    if (a.OnMaterial && (a.Modal || a.Permitted || a.Actor != Side.None))
                    {
                        governed = a;
                    }
                }
            }
        }

        return governed ?? onMaterial ?? found;
    }

    /// <summary>"How do we and our partners use cookies?": a heading asked as a question.</summary>
    public bool Question { get; }

    /// <summary>Most letters are capitals: a disclaimer or limitation of liability, which gives nothing away.</summary>
    public bool Shouting { get; }

    /// <summary>"This form gives Joi Ito the right ...", "This Agreement grants Licensee ...": the document grants on the
    /// party's behalf.</summary>
    private static bool DocumentGives(ClauseReader reader, int k)
    {
        for (var j = k - 1; j >= 0 && j >= k - 4; j--)
        {
            if (reader.Is(j, Concept.ContractNoun | Concept.Release) || reader.IsWord(j, "form") || reader.IsWord(j, "license") || reader.IsWord(j, "licence"))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsShouting(ClauseReader reader)
    {
        int upper = 0, words = 0;
        for (var k = reader.Sentence.FocusFrom; k < reader.Count; k++)
        {
            var shape = reader.Tok(k).Shape;
            if (shape is Shape.Upper or Shape.Lower or Shape.Capitalized)
            {
                words++;
                upper += shape == Shape.Upper ? 1 : 0;
            }
        }

        return words >= 8 && upper * 10 >= words * 6;
    }

    private static bool SpeaksOfLicence(ClauseReader reader)
    {
        // A licence or release named near the start of the sentence as what the sentence is about.
        for (var k = 0; k < reader.Count && k < 8; k++)
        {
            if (reader.Is(k, Concept.License | Concept.Release) && !reader.Is(k, Concept.Permission))
            {
                var word = reader.Word(k);
                if (char.IsUpper(word[0]) || (k > 0 && (reader.IsWord(k - 1, "this") || reader.IsWord(k - 1, "the") || reader.IsWord(k - 1, "such") || reader.IsWord(k - 1, "our"))))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>"you'll receive a nonexclusive, perpetual, worldwide license to use the Know-How": the other side is given
    /// a licence, and only the protected party can give it.</summary>
    private static bool OtherSideReceivesLicence(ClauseReader r)
    {
        for (var k = r.Sentence.FocusFrom; k < r.Count; k++)
        {
            if (!(r.IsWord(k, "receive") || r.IsWord(k, "receives") || r.IsWord(k, "obtain") || r.IsWord(k, "obtains")))
            {
                continue;
            }

            var subject = false;
            for (var j = k - 1; j >= r.Sentence.FocusFrom && j >= k - 4; j--)
            {
                subject |= r.Tok(j).Side == Side.Counterparty && !r.Tok(j).Possessive;
            }

            for (var j = k + 1; subject && j < r.Count && j <= k + 10; j++)
            {
                if (r.Is(j, Concept.License) && !r.InCondition(j))
                {
                    return true;
                }
            }
        }

        return false;
    }
}

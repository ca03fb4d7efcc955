namespace WordRedline.Core;

/// <summary>Decides which side the engine protects and how the document names each side, its work and its purpose.
/// Given a side ("Contractor", "You (the user)"), it takes every document term and pronoun group the phrase mentions.
/// Otherwise it takes the side a creator or a customer would: the party whose content or data the contract is about,
/// else the party that supplies the work; and says so, or says it is not sure.</summary>
internal static class PartyResolver
{
    public static PartyRoles Resolve(DocumentWords words, IReadOnlyList<DefinedTerm> defined, string? requested, CompiledPlaybook playbook)
    {
        var candidates = PartyCandidates.Find(words, defined, playbook);
        var decision = string.IsNullOrWhiteSpace(requested)
            ? SideDetector.Detect(words, candidates, playbook)
            : SideDetector.FromRequest(requested, candidates, words, defined);

        var party = decision.Terms;
        var others = candidates.Terms.Where(t => !party.Contains(t, StringComparer.OrdinalIgnoreCase)).ToList();
        var counterPronoun = decision.Pronouns == PronounGroup.We ? PronounGroup.You
            : decision.Pronouns == PronounGroup.I ? (words.YouCount >= 2 ? PronounGroup.You : PronounGroup.We)
            : PronounGroup.We;

        var mentions = new List<Mention>();
        foreach (var term in party)
        {
            mentions.AddRange(MentionsOf(term, Side.Party, defined));
        }

        foreach (var term in others)
        {
            mentions.AddRange(MentionsOf(term, Side.Counterparty, defined));
        }

        mentions.AddRange(Pronouns.Group(decision.Pronouns, Side.Party));
        if (decision.Pronouns == PronounGroup.You)
        {
            // In terms written to "you", the service's users are "you" and everyone like you, not a third party;
            // "other users" stays the public (matched first, as a longer phrase).
            mentions.Add(new Mention(["users"], Side.Party, true, false));
            mentions.Add(new Mention(["user"], Side.Party, true, false));
        }
        mentions.AddRange(Pronouns.Group(counterPronoun, Side.Counterparty));
        if (decision.Pronouns != PronounGroup.You && counterPronoun != PronounGroup.You)
        {
            mentions.AddRange(Pronouns.Group(PronounGroup.You, Side.Counterparty));
        }

        var partyTerm = decision.Pronouns != PronounGroup.None && (party.Count == 0 || decision.PreferPronoun)
            ? Pronoun(decision.Pronouns)
            : Named(party.FirstOrDefault() ?? "Contractor", defined, words);
        var counterparty = CounterpartyTerm(others, candidates, counterPronoun, defined, words, playbook);
        var work = WorkTerms.Choose(words, defined, party, decision.Pronouns, playbook);
        var purpose = WorkTerms.Purpose(words, defined, playbook);
        var purposeText = WorkTerms.PurposeText(purpose, partyTerm, words, defined);

        List<string> offered = [.. candidates.Terms];
        if (words.YouCount >= 2)
        {
            offered.Add("you");
        }

        if (words.WeCount >= 2)
        {
            offered.Add("we");
        }

        return new PartyRoles
        {
            Party = partyTerm,
            Counterparty = counterparty,
            Work = work,
            Purpose = purpose,
            PurposeText = purposeText,
            LicenceNoun = words.LicenceNoun,
            Detected = string.IsNullOrWhiteSpace(requested),
            Certain = decision.Certain,
            Reason = decision.Reason,
            Candidates = offered,
            Mentions = mentions,
        };
    }

    private static NamedTerm Pronoun(PronounGroup group) => group switch
    {
        PronounGroup.We => new NamedTerm("we", "", true),
        PronounGroup.I => new NamedTerm("I", "", true),
        _ => new NamedTerm("you", "", true),
    };

    internal static NamedTerm Named(string term, IReadOnlyList<DefinedTerm> defined, DocumentWords words)
    {
        var known = defined.FirstOrDefault(d => d.Text.Equals(term, StringComparison.Ordinal));
        var article = known?.Article ?? DefinedTermScanner.ArticleOf(term, words.Texts);
        return new NamedTerm(term, article, true);
    }

    private static NamedTerm CounterpartyTerm(List<string> others, PartyCandidates candidates, PronounGroup counterPronoun,
        IReadOnlyList<DefinedTerm> defined, DocumentWords words, CompiledPlaybook playbook)
    {
        // Terms written as "we" and "you": the other side is the name the document gives "we" ("GitHub").
        // The name the document itself keeps using ("Cognition", not "Cognition AI, Inc.").
        if (counterPronoun == PronounGroup.We && words.WeCount >= 5 && candidates.WeNames.OrderByDescending(words.CountCapitalized).ThenBy(n => n.Length).FirstOrDefault() is { } weName)
        {
            return Named(weName, defined, words);
        }

        // Otherwise its usual name: a recipient role first, then the most used other party, then the name the document
        // gives "we", then the pronoun itself.
        // A role the document barely uses ("Processor", defined by reference to the law, beside "Perplexity" on every
        // line) does not name the other side.
        var mostUsed = others.Count == 0 ? 0 : others.Max(words.CountCapitalized);
        var recipient = others.FirstOrDefault(t => playbook.RecipientRoles.Contains(t) && words.CountCapitalized(t) * 2 >= mostUsed)
            ?? others.OrderByDescending(t => words.CountCapitalized(t)).FirstOrDefault(t => words.CountCapitalized(t) >= 2);
        if (recipient is not null)
        {
            return Named(recipient, defined, words);
        }

        var pronounName = counterPronoun == PronounGroup.We ? candidates.WeNames.FirstOrDefault() : candidates.YouNames.FirstOrDefault();
        if (pronounName is not null)
        {
            return Named(pronounName, defined, words);
        }

        if (others.Count > 0)
        {
            return Named(others[0], defined, words);
        }

        return counterPronoun switch
        {
            PronounGroup.We when words.WeCount >= 2 => new NamedTerm("we", "", true),
            PronounGroup.You when words.YouCount >= 2 => new NamedTerm("you", "", true),
            _ => new NamedTerm("other party", "the", false),
        };
    }

    private static IEnumerable<Mention> MentionsOf(string term, Side side, IReadOnlyList<DefinedTerm> defined)
    {
        var ignoreCase = Pronouns.IsAny(term) || term.All(c => !char.IsLetter(c) || char.IsLower(c));
        yield return new Mention(Split(term), side, ignoreCase, false);
        var known = defined.FirstOrDefault(d => d.Text.Equals(term, StringComparison.Ordinal));
        foreach (var name in known?.Names ?? [])
        {
            if (!Pronouns.IsAny(name))
            {
                yield return new Mention(Split(name), side, false, false);
            }
        }
    }

    private static string[] Split(string term) =>
        term.Split([' ', '\u00A0'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

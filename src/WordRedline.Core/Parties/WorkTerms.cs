namespace WordRedline.Core;

/// <summary>The document's own names for the protected party's work and for the project the work is for.</summary>
internal static class WorkTerms
{
    public static NamedTerm Choose(DocumentWords words, IReadOnlyList<DefinedTerm> defined, IReadOnlyList<string> party, PronounGroup pronouns, CompiledPlaybook playbook)
    {
        // Written as a defined term (capitalised), whole words only, weighted by length so "Your Content" beats the
        // "Content" inside it; defined terms count extra, and a term that names the protected party's own material
        // ("Customer Data" when protecting Customer) wins.
        string? best = null;
        var bestScore = 0;
        foreach (var term in playbook.WorkTermList)
        {
            // A one-word term counts only where it stands alone ("Voice", not the "Voice" of "Voice Data").
            var count = term.Contains(' ', StringComparison.Ordinal) ? words.CountCapitalized(term) : words.CountStandalone(term);
            var isDefined = defined.Any(d => d.Text.Equals(term, StringComparison.Ordinal));
            // A work term is used as a name at least twice, or defined, or (a deliverable) named once in a short text.
            if (count < 2 && !isDefined && !(count == 1 && playbook.DeliverableTerms.Contains(term) && words.Texts.Count <= 20))
            {
                continue;
            }

            var score = (count + (isDefined ? 5 : 0)) * (term.Count(c => c == ' ') + 1);
            if (party.Any(p => term.StartsWith(p + " ", StringComparison.Ordinal)) || (pronouns == PronounGroup.You && term.StartsWith("Your ", StringComparison.Ordinal)))
            {
                score += 50;
            }

            // A supplier's work is what it delivers ("Deliverables"), not materials the other side provides.
            if (isDefined && party.Any(playbook.SupplierRoles.Contains) && playbook.DeliverableTerms.Contains(term))
            {
                score += 20;
            }

            if (score > bestScore)
            {
                best = term;
                bestScore = score;
            }
        }

        if (best is not null)
        {
            return PartyResolver.Named(best, defined, words);
        }

        // A document without a work term of its own gets plain words, never a defined term it does not define.
        return pronouns == PronounGroup.You && party.Count == 0
            ? new NamedTerm("content you provide", "the", false)
            : new NamedTerm("work delivered under this Agreement", "the", false);
    }

    /// <summary>The narrowed purpose in the document's own words, never an invented fact: its project ("the purposes of
    /// the Project"), the service it provides to the protected user ("the purpose of providing the Services to you"),
    /// or the agreement itself; a blank to fill in when it names none of these.</summary>
    public static PurposePhrase PurposeText(NamedTerm? purpose, NamedTerm party, DocumentWords words, IReadOnlyList<DefinedTerm> defined)
    {
        if (purpose is not null)
        {
            var isService = purpose.Bare is "Services" or "Service" or "Platform" or "Cloud Service";
            return isService && NamedTerm.IsPronoun(party.Bare) && party.Bare.Equals("you", StringComparison.OrdinalIgnoreCase)
                ? new PurposePhrase($"the purpose of providing {purpose.InSentence} to you", false)
                : new PurposePhrase($"the purposes of {purpose.InSentence}", false);
        }

        // Work ordered under statements of work the document names but does not define: each one states its purpose.
        if (words.CountCapitalized("statement of work") + words.CountCapitalized("statements of work") >= 1)
        {
            return new PurposePhrase("the purposes described in the applicable statement of work", false);
        }

        // "this Agreement" where the document defines the Agreement or keeps calling itself so.
        var thisAgreement = words.CountCapitalized("this Agreement") + words.CountCapitalized("This Agreement");
        if (thisAgreement >= 2 || (thisAgreement == 1 && defined.Any(d => d.Text == "Agreement")))
        {
            return new PurposePhrase("the purposes of this Agreement", false);
        }

        if (words.CountCapitalized("these Terms") + words.CountCapitalized("These Terms") >= 2)
        {
            return new PurposePhrase("the purposes of these Terms", false);
        }

        return new PurposePhrase(PurposePhrase.Blank, true, "Name the project or purpose the work is for.");
    }

    /// <summary>The project, services or statement of work the document defines, the purpose a narrowed licence can name.</summary>
    public static NamedTerm? Purpose(DocumentWords words, IReadOnlyList<DefinedTerm> defined, CompiledPlaybook playbook)
    {
        foreach (var term in playbook.PurposeTermList)
        {
            var isDefined = defined.Any(d => d.Text.Equals(term, StringComparison.Ordinal));
            if (isDefined || words.CountCapitalized(term) >= 3)
            {
                return PartyResolver.Named(term, defined, words);
            }
        }

        return null;
    }
}

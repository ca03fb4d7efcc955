namespace WordRedline.Core;

/// <summary>The roles as the fixes write them: each term with the determiner the document uses where the term stands
/// alone (<see cref="TermUsage"/>), so a fix says "your Content", "our Services" or "Quora" as the document does. The
/// rules keep reading the roles as resolved.</summary>
internal static class FixTerms
{
    public static PartyRoles Settle(PartyRoles roles, DocumentWords words, IReadOnlyList<DefinedTerm> defined)
    {
        var texts = words.Texts;
        // A purpose the document defines in quotes ('(the "Project")') is its term even if never written again; one it
        // only writes inside longer names ("AI Services") is not: the purpose falls back to the agreement itself, or to
        // a blank the user fills in.
        var purpose = roles.Purpose is null
            || (!defined.Any(d => d.Text.Equals(roles.Purpose.Bare, StringComparison.Ordinal)) && TermUsage.Count(roles.Purpose.Bare, texts).Count == 0)
            ? null : TermUsage.Settle(roles.Purpose, texts);
        return roles with
        {
            Party = TermUsage.Settle(roles.Party, texts),
            Counterparty = TermUsage.Settle(roles.Counterparty, texts),
            Work = TermUsage.Settle(roles.Work, texts),
            Purpose = purpose,
            PurposeText = purpose == roles.Purpose ? roles.PurposeText : WorkTerms.PurposeText(purpose, roles.Party, words, defined),
        };
    }
}

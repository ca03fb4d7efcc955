namespace WordRedline.Core;

/// <summary>Who is who in one document: the words that name the protected party, the other side and the work.</summary>
internal sealed record PartyTerms
{
    /// <summary>The protected party as suggested wording should name it ("Contractor", "you").</summary>
    public required string Name { get; init; }

    public required string Counterparty { get; init; }

    public required string WorkTerm { get; init; }

    public required bool Detected { get; init; }

    public required IReadOnlyList<string> Candidates { get; init; }

    /// <summary>Every word or phrase that names the protected party (defined terms and pronouns).</summary>
    public required IReadOnlyList<string> PartyWords { get; init; }

    public required IReadOnlyList<string> CounterpartyWords { get; init; }

    /// <summary>Possessive pronouns of each side ("your", "our"); defined terms take "'s".</summary>
    public required IReadOnlyList<string> PartyPossessives { get; init; }

    public required IReadOnlyList<string> CounterpartyPossessives { get; init; }

    public AddendumTerms ToAddendumTerms() => new(Name, Counterparty, WorkTerm);
}

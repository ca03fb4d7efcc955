namespace WordRedline.Core;

/// <summary>The document's own words that fill in the AI Protection Addendum.</summary>
/// <param name="Party">The protected party ("Contractor").</param>
/// <param name="Counterparty">The other side ("Agency").</param>
/// <param name="WorkTerm">The protected work ("Deliverables").</param>
public sealed record AddendumTerms(string Party, string Counterparty, string WorkTerm);

/// <summary>The AI Protection Addendum rendered with a document's terms.</summary>
/// <param name="Paragraphs">Title, then the numbered clauses, each with a Word built-in style.</param>
/// <param name="ReferenceSentence">The sentence that makes the addendum part of the main agreement.</param>
public sealed record RenderedAddendum(IReadOnlyList<SuggestedParagraph> Paragraphs, string ReferenceSentence)
{
    /// <summary>The addendum as plain text, one paragraph a line.</summary>
    public string ToText() => string.Join('\n', Paragraphs.Select(p => p.Text));
}

using System.Text.Json.Serialization;
using WordRedline.Core;

namespace WordRedline.Docx;

/// <summary>How <see cref="DocxRedliner"/> writes its tracked changes.</summary>
public sealed record RedlineOptions
{
    /// <summary>The author of every revision and comment (Word shows it in the margin).</summary>
    public string Author { get; init; } = "WordRedline";

    /// <summary>Anchor the finding's <see cref="Finding.Comment"/> (the note addressed to the other side; the
    /// user-facing rationale never goes into the document) on each applied suggestion. False writes no comment at all.</summary>
    public bool Comments { get; init; } = true;

    /// <summary>Write each high-severity risk the engine has no edit for as a comment on the clause, so the document's
    /// reader learns of it (only with <see cref="Comments"/>).</summary>
    public bool RiskComments { get; init; }

    /// <summary>The AI Protection Addendum to append as tracked inserted paragraphs after a page break (render it
    /// with <see cref="ClauseEngine.RenderAddendum"/>), and whose reference sentence goes after the entire-agreement
    /// clause when <see cref="AnalyzeResponse.AddendumReference"/> names one; null appends nothing.</summary>
    public RenderedAddendum? Addendum { get; init; }

    /// <summary>The clock for revision dates (whole seconds, UTC); inject a fake one for reproducible output.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    public DocxLimits Limits { get; init; } = DocxLimits.Default;
}

/// <summary>What <see cref="DocxRedliner.AnalyzeAndRedline"/> asks the engine.</summary>
/// <param name="Party">The protected party's defined term; detected when null.</param>
/// <param name="Playbook">The playbook id; the engine's default when null.</param>
/// <param name="Addendum">Append the AI Protection Addendum rendered with the document's own terms (ignored when
/// <see cref="RedlineOptions.Addendum"/> is already set).</param>
public sealed record RedlineRequest(string? Party = null, string? Playbook = null, bool Addendum = false);

/// <summary>The redlined document and what happened to each suggestion.</summary>
/// <param name="Docx">The redlined .docx.</param>
/// <param name="Analysis">The analysis the edits came from.</param>
/// <param name="Applied">Suggestions written as tracked changes.</param>
/// <param name="Skipped">Suggestions left out, each with the reason.</param>
public sealed record RedlineResult(byte[] Docx, AnalyzeResponse Analysis, IReadOnlyList<AppliedSuggestion> Applied, IReadOnlyList<SkippedSuggestion> Skipped)
{
    /// <summary>Risks without an edit written as comments only (<see cref="RedlineOptions.RiskComments"/>).</summary>
    public IReadOnlyList<AppliedSuggestion> Flagged { get; init; } = [];
}

/// <summary>A suggestion written into the document.</summary>
/// <param name="SuggestionId">The finding or document finding id; <c>addendum</c> and <c>addendum-reference</c> for
/// the addendum.</param>
/// <param name="ParagraphId">The paragraph edited, or the one the new paragraphs follow.</param>
/// <param name="Revisions">How many tracked changes it took (a replacement is a deletion and an insertion); 0 for a
/// risk written as a comment only.</param>
public sealed record AppliedSuggestion(string SuggestionId, string ParagraphId, int Revisions);

/// <summary>A suggestion the writer refused, so it never mangles the document.</summary>
public sealed record SkippedSuggestion(string SuggestionId, string ParagraphId, SkipReason Reason, string Message);

/// <summary>Why a suggestion was not written.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SkipReason>))]
public enum SkipReason
{
    /// <summary>No paragraph has the id (the analysis belongs to another document).</summary>
    [JsonStringEnumMemberName("paragraph-not-found")] ParagraphNotFound,

    /// <summary>The paragraph's text hash differs from the id's: the document changed since the analysis.</summary>
    [JsonStringEnumMemberName("paragraph-changed")] ParagraphChanged,

    /// <summary>The paragraph is in a header, footer or note, where Word cannot anchor comments.</summary>
    [JsonStringEnumMemberName("not-redlinable")] NotRedlinable,

    /// <summary>An edit lies outside the paragraph's text, overlaps another edit of the same finding, or changes nothing.</summary>
    [JsonStringEnumMemberName("invalid-edit")] InvalidEdit,

    /// <summary>The edit overlaps an edit of a suggestion applied before it.</summary>
    [JsonStringEnumMemberName("overlaps-suggestion")] OverlapsSuggestion,

    /// <summary>The text already carries someone's pending tracked change.</summary>
    [JsonStringEnumMemberName("pending-revision")] PendingRevision,

    /// <summary>The text is a field result, which Word regenerates.</summary>
    [JsonStringEnumMemberName("field-result")] FieldResult,

    /// <summary>The text is in a locked or data-bound content control.</summary>
    [JsonStringEnumMemberName("locked-content")] LockedContent,

    /// <summary>The text is in a container that cannot hold tracked changes.</summary>
    [JsonStringEnumMemberName("unsupported-content")] UnsupportedContent,
}

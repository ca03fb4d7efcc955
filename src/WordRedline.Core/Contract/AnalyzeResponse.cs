using System.Text.Json.Serialization;

namespace WordRedline.Core;

/// <summary>The engine's answer; the API returns exactly this JSON.</summary>
public sealed record AnalyzeResponse
{
    public required PartyInfo Party { get; init; }

    /// <summary>0 (gives everything away) to 100 (fully protected).</summary>
    public required int Score { get; init; }

    /// <summary>"A" to "F".</summary>
    public required string Grade { get; init; }

    public required IReadOnlyList<Finding> Findings { get; init; }

    public required IReadOnlyList<DocumentFinding> DocumentFindings { get; init; }

    public required IReadOnlyList<Protection> Protections { get; init; }

    /// <summary>Where the one-sentence reference to the AI Protection Addendum goes (after the entire-agreement
    /// clause), or null when the document has no such clause.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public AddendumReference? AddendumReference { get; init; }

    /// <summary>The contract gives rights in the work and never mentions AI training. Users read it as the silent
    /// finding's carve-out, or, where an assignment's covenant closes it, in that finding: one fix, one card. Not sent;
    /// the evaluation reads it.</summary>
    [JsonIgnore]
    public bool SilentOnAiTraining { get; init; }

    /// <summary>The playbook that produced this answer, as "id@version".</summary>
    public required string Playbook { get; init; }
}

/// <summary>The edit that wires the AI Protection Addendum into the main agreement.</summary>
public sealed record AddendumReference(string ParagraphId, Edit Edit)
{
    /// <summary>The edit as word-level changes (see <see cref="Finding.Changes"/>).</summary>
    public IReadOnlyList<Edit> Changes { get; init; } = [];
}

/// <summary>Who the engine protects and the document's own words for the parties and the work.</summary>
public sealed record PartyInfo
{
    /// <summary>The protected party's defined term as the document writes it.</summary>
    public required string Name { get; init; }

    /// <summary>The other side's defined term as the document writes it.</summary>
    public required string Counterparty { get; init; }

    /// <summary>The document's defined term for the protected party's work ("Deliverables", "Your Content").</summary>
    public required string WorkTerm { get; init; }

    /// <summary>True when the protected side was detected rather than given by the caller.</summary>
    public required bool Detected { get; init; }

    /// <summary>False when the document does not say which side supplies the work or content: the analysis assumes
    /// <see cref="Name"/>, and the user should choose a side from <see cref="Candidates"/>.</summary>
    public bool Certain { get; init; } = true;

    /// <summary>Why this side was chosen, in a sentence the pane can show.</summary>
    public string Reason { get; init; } = "";

    /// <summary>Every party term found, so the user can pick a side.</summary>
    public IReadOnlyList<string> Candidates { get; init; } = [];
}

/// <summary>A risky (or, for <see cref="Category.AiProtection"/>, protective) span of one paragraph.</summary>
public sealed record Finding
{
    public required string Id { get; init; }
    public required string ParagraphId { get; init; }
    public required Category Category { get; init; }
    public required Severity Severity { get; init; }
    public required string Title { get; init; }
    public required string Explanation { get; init; }

    /// <summary>UTF-16 offset of the quoted span in the paragraph's text.</summary>
    public required int Start { get; init; }

    public required int Length { get; init; }
    public required string Quote { get; init; }

    /// <summary>Edits on the paragraph's text that fix the risk; empty when the finding has no in-place fix.</summary>
    public required IReadOnlyList<Edit> Edits { get; init; }

    /// <summary>The same fix as the word-level redline a reviewer sees: whole words struck or inserted, kept words
    /// left alone, in the paragraph's offsets, sorted. Computed once here; the task pane and the .docx writer apply
    /// exactly these, so the two redlines never differ.</summary>
    public IReadOnlyList<Edit> Changes { get; init; } = [];

    /// <summary>Why the edit protects the user, in plain English; empty when there are no edits. For the user only.</summary>
    public required string Rationale { get; init; }

    /// <summary>The note to write into the document beside the change. It travels to the counterparty, so it speaks to
    /// them, in the third person; empty when there are no edits.</summary>
    public string Comment { get; init; } = "";

    /// <summary>The playbook rule that matched.</summary>
    public required string RuleId { get; init; }

    /// <summary>The clause number a reader would cite ("7.2", "5(b)"), or "" when the paragraph has none.</summary>
    public string Clause { get; init; } = "";

    /// <summary>The heading the paragraph sits under ("Ownership"), or "".</summary>
    public string Heading { get; init; } = "";

    /// <summary>Places in the edits' replacement text that the user must complete before accepting ("[the project]"),
    /// where the document does not say what the engine would need to write; empty when the edit is complete.</summary>
    public IReadOnlyList<FillIn> FillIns { get; init; } = [];

    /// <summary>True when protective wording nearby already covers the risk (severity lowered, no edits).</summary>
    public bool Mitigated { get; init; }
}

/// <summary>A blank in an edit's replacement that the user must fill in: <see cref="Edit"/> is the index in
/// <see cref="Finding.Edits"/>, <see cref="Start"/> and <see cref="Length"/> the placeholder's place in its
/// replacement text, <see cref="Prompt"/> what to write there.</summary>
public sealed record FillIn(int Edit, int Start, int Length, string Prompt);

/// <summary>Replace <see cref="Length"/> UTF-16 code units at <see cref="Start"/> with <see cref="Replacement"/>.
/// Length 0 inserts; an empty replacement deletes.</summary>
public sealed record Edit(int Start, int Length, string Replacement);

/// <summary>A finding about the whole document, fixed by inserting paragraphs after an anchor paragraph.</summary>
public sealed record DocumentFinding
{
    public required string Id { get; init; }
    public required Category Category { get; init; }
    public required Severity Severity { get; init; }
    public required string Title { get; init; }
    public required string Explanation { get; init; }

    /// <summary>The paragraph after which <see cref="Paragraphs"/> go.</summary>
    public required string InsertAfterParagraphId { get; init; }

    public required IReadOnlyList<SuggestedParagraph> Paragraphs { get; init; }

    /// <summary>Why the insertion protects the user, for the user only.</summary>
    public required string Rationale { get; init; }

    /// <summary>The note to write into the document beside the insertion, addressed to the counterparty.</summary>
    public string Comment { get; init; } = "";
}

/// <summary>A paragraph to insert, with a Word built-in style name ("Normal", "Heading1", "ListNumber").</summary>
public sealed record SuggestedParagraph(string Text, string Style);

/// <summary>One line of the protections checklist.</summary>
public sealed record Protection
{
    public required string Key { get; init; }
    public required string Title { get; init; }
    public required bool Present { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ParagraphId { get; init; }
}

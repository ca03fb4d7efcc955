namespace WordRedline.Core;

/// <summary>What the add-in, the API and the CLI send the engine: a contract's paragraphs in document order.</summary>
public sealed record AnalyzeRequest
{
    /// <summary>The paragraphs, in document order. Ids are opaque to the engine and echoed back.</summary>
    public required IReadOnlyList<ParagraphInput> Paragraphs { get; init; }

    /// <summary>The defined term of the side the user represents ("Contractor", "you"); detected when absent.</summary>
    public string? Party { get; init; }

    /// <summary>The playbook id; the default playbook when absent.</summary>
    public string? Playbook { get; init; }
}

/// <summary>One paragraph of the document, as the reader saw it (accepted view of any tracked changes).</summary>
public sealed record ParagraphInput(string Id, string Text);

using WordRedline.Core;

namespace WordRedline.Docx.Tests;

/// <summary>Builds the writer's real input, an <see cref="AnalyzeResponse"/>, by hand: edits located by the text
/// they change in the paragraphs <see cref="DocxReader"/> returns. Also computes the intended accepted text from
/// the same edits with plain string operations, independently of the writer.</summary>
internal sealed class AnalysisBuilder
{
    private readonly List<Finding> findings = [];
    private readonly List<DocumentFinding> documentFindings = [];
    private AddendumReference? addendumReference;

    public AnalysisBuilder(byte[] docx) => Paragraphs = DocxReader.Read(new MemoryStream(docx)).Paragraphs;

    public IReadOnlyList<DocxParagraph> Paragraphs { get; }

    /// <summary>A finding replacing <paramref name="old"/> (first occurrence in the first paragraph that has it).</summary>
    public AnalysisBuilder Replace(string id, string old, string replacement, string? paragraphId = null)
    {
        var (paragraph, start) = Locate(old);
        return Add(id, paragraphId ?? paragraph.Id, start, old.Length, [new Edit(start, old.Length, replacement)]);
    }

    /// <summary>A finding inserting <paramref name="text"/> right after <paramref name="after"/>.</summary>
    public AnalysisBuilder InsertAfter(string id, string after, string text)
    {
        var (paragraph, start) = Locate(after);
        return Add(id, paragraph.Id, start, after.Length, [new Edit(start + after.Length, 0, text)]);
    }

    /// <summary>A finding with raw edits on the paragraph containing <paramref name="anchor"/>.</summary>
    public AnalysisBuilder Edits(string id, string anchor, params Edit[] edits)
    {
        var (paragraph, _) = Locate(anchor);
        return Add(id, paragraph.Id, 0, 0, edits);
    }

    public AnalysisBuilder DocumentFinding(string id, string afterParagraphContaining, params SuggestedParagraph[] paragraphs)
    {
        documentFindings.Add(new DocumentFinding
        {
            Id = id,
            Category = Category.AiTrainingSilent,
            Severity = Severity.High,
            Title = "The contract never mentions AI training",
            Explanation = "Nothing stops the other side from training AI models on your work.",
            InsertAfterParagraphId = Locate(afterParagraphContaining).Paragraph.Id,
            Paragraphs = paragraphs,
            Rationale = "Adds an explicit no-training covenant.",
        });
        return this;
    }

    public AnalysisBuilder AddendumReference(string after, string sentence)
    {
        var (paragraph, start) = Locate(after);
        addendumReference = new AddendumReference(paragraph.Id, new Edit(start + after.Length, 0, sentence));
        return this;
    }

    public AnalyzeResponse Build() => new()
    {
        Party = new PartyInfo { Name = "Contractor", Counterparty = "Client", WorkTerm = "Deliverables", Detected = true },
        Score = 40,
        Grade = "D",
        Findings = findings,
        DocumentFindings = documentFindings,
        Protections = [],
        AddendumReference = addendumReference,
        Playbook = "test@1",
    };

    /// <summary>The body text after accepting the suggestions in <paramref name="applied"/>, paragraph by paragraph,
    /// whitespace-normalized and without empty paragraphs.</summary>
    public List<string> ExpectedAccepted(IEnumerable<string> applied, RenderedAddendum? addendum) =>
        Expected.Accepted(Paragraphs, Build(), applied, addendum);

    private AnalysisBuilder Add(string id, string paragraphId, int start, int length, IReadOnlyList<Edit> edits)
    {
        findings.Add(new Finding
        {
            Id = id,
            ParagraphId = paragraphId,
            Category = Category.UsageScope,
            Severity = Severity.High,
            Title = $"Finding {id}",
            Explanation = "The clause gives away more than the project needs.",
            Start = start,
            Length = length,
            Quote = "",
            Edits = edits,
            Rationale = $"Rationale for {id}: limits the use to the project.",
            RuleId = "test.rule",
        });
        return this;
    }

    private (DocxParagraph Paragraph, int Start) Locate(string text)
    {
        foreach (var paragraph in Paragraphs)
        {
            var start = paragraph.Text.IndexOf(text, StringComparison.Ordinal);
            if (start >= 0)
            {
                return (paragraph, start);
            }
        }

        throw new ArgumentException($"No paragraph contains '{text}'.", nameof(text));
    }
}

/// <summary>A clock stopped at one instant, so revision dates are reproducible.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public static FixedClock Default { get; } = new(new DateTimeOffset(2025, 1, 2, 3, 4, 5, 678, TimeSpan.Zero));

    public override DateTimeOffset GetUtcNow() => now;
}

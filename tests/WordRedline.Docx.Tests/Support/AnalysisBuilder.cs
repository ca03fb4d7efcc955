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

    /// <summary>A finding replacing <paramref name="old"/> (first occurrence in the first paragraph that has it). Its
    /// word-level changes are <paramref name="words"/>, each an old text found in order inside <paramref name="old"/>
    /// and its new text, as the engine would send them; without them the analysis has none (the writer then applies
    /// the edit as it is).</summary>
    public AnalysisBuilder Replace(string id, string old, string replacement, string? paragraphId = null, params (string Old, string New)[] words)
    {
        var (paragraph, start) = Locate(old);
        var changes = new List<Edit>();
        var at = 0;
        foreach (var (wordOld, wordNew) in words)
        {
            at = old.IndexOf(wordOld, at, StringComparison.Ordinal);
            changes.Add(new Edit(start + at, wordOld.Length, wordNew));
            at += wordOld.Length;
        }

        return Add(id, paragraphId ?? paragraph.Id, start, old.Length, [new Edit(start, old.Length, replacement)], changes);
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

    /// <summary>A finding with raw edits and raw word-level changes, consistent or not.</summary>
    public AnalysisBuilder EditsAndChanges(string id, string anchor, Edit[] edits, Edit[] changes)
    {
        var (paragraph, _) = Locate(anchor);
        return Add(id, paragraph.Id, 0, 0, edits, changes);
    }

    /// <summary>A high risk without an edit, quoting <paramref name="quote"/>, with <paramref name="comment"/> as its
    /// note for the document (empty: the engine wrote none).</summary>
    public AnalysisBuilder Risk(string id, string quote, string comment = "", Severity severity = Severity.High)
    {
        var (paragraph, start) = Locate(quote);
        findings.Add(new Finding
        {
            Id = id,
            ParagraphId = paragraph.Id,
            Category = Category.LicenseBreadth,
            Severity = severity,
            Title = $"Finding {id}",
            Explanation = "The clause gives away more than the project needs.",
            Start = start,
            Length = quote.Length,
            Quote = quote,
            Edits = [],
            Rationale = "",
            Comment = comment,
            RuleId = "test.risk",
        });
        return this;
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
            Rationale = "Rationale for the user: adds an explicit no-training covenant.",
            Comment = "Proposed for d1: an express statement that the licence does not include AI training.",
        });
        return this;
    }

    public AnalysisBuilder AddendumReference(string after, string sentence)
    {
        var (paragraph, start) = Locate(after);
        var edit = new Edit(start + after.Length, 0, sentence);
        addendumReference = new AddendumReference(paragraph.Id, edit) { Changes = [edit] };
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

    private AnalysisBuilder Add(string id, string paragraphId, int start, int length, IReadOnlyList<Edit> edits, IReadOnlyList<Edit>? changes = null)
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
            Changes = changes ?? [],
            Rationale = $"Rationale for {id}: limits the use to the project.",
            Comment = $"Proposed for {id}: use is tied to the Project.",
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

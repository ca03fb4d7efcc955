using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using WordRedline.Core;
using static WordRedline.Docx.Tests.DocBuilder;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace WordRedline.Docx.Tests;

/// <summary>One writer fixture: a document built in code, the analysis to apply and what must happen.</summary>
internal sealed record Fixture(
    string Name, byte[] Input, AnalysisBuilder Analysis, RenderedAddendum? Addendum, string[] Applied, (string Id, SkipReason Reason)[] Skipped)
{
    public RedlineOptions Options => new() { Addendum = Addendum, TimeProvider = FixedClock.Default, Author = "WordRedline", RiskComments = true };

    public List<string> ExpectedAccepted => Analysis.ExpectedAccepted(Applied, Addendum);

    public RedlineResult Redline() => DocxRedliner.Redline(new MemoryStream(Input), Analysis.Build(), Options);

    public override string ToString() => Name;
}

/// <summary>The fixture set: every feature of real contracts the writer must survive.</summary>
internal static partial class Fixtures
{
    private static readonly Lazy<Dictionary<string, Fixture>> All = new(() => new[]
    {
        Formatting(), Hyperlink(), Field(), Footnote(), Table(), Tracked(), ExistingComment(), NumberedAddendum(),
        PlainAddendum(), ContentControls(), Refusals(), SamePoint(), HeadingClauses(), CellEnd(), LastAnchor(), DraftingNote(), Risks(),
    }.ToDictionary(f => f.Name));

    public static IEnumerable<string> Names => All.Value.Keys;

    public static Fixture Get(string name) => All.Value[name];

    public static RenderedAddendum Addendum { get; } = new(
        [
            new SuggestedParagraph("AI Protection Addendum", "Heading1"),
            new SuggestedParagraph("No Training. The Client shall not use the Deliverables to train, fine-tune or develop any machine learning model or artificial intelligence system.", "ListNumber"),
            new SuggestedParagraph("Derivative Works. Only human agents of the Client may create derivative works of the Deliverables.", "ListNumber"),
            new SuggestedParagraph("This Addendum prevails over any conflicting term of the Agreement and survives its termination.", "Normal"),
        ],
        "The AI Protection Addendum attached hereto forms part of this Agreement and prevails over any conflicting term.");

    /// <summary>Bold and italic runs split by edits; the bold word next to an edit must stay bold.</summary>
    private static Fixture Formatting()
    {
        var input = Build((main, body) =>
        {
            body.Append(P(R("1. License. The Contractor grants the Client a non-exclusive license to use the "), Bold("Deliverables"),
                R(" for any and "), Italic("all commercial purposes"), R(" in any media now known or hereafter devised.")));
            body.Append(P(R("2. Payment. The Client shall pay each invoice within "), Bold("30"), R(" days of receipt.")));
        });
        var analysis = new AnalysisBuilder(input)
            .Replace("f1", "any and all commercial purposes", "the sole purpose of the Client's internal marketing of the Project")
            .Replace("f2", "in any media now known or hereafter devised", "in the media listed in the Statement of Work", null,
                ("any media now known or hereafter devised", "the media listed in the Statement of Work"))
            .Replace("f3", "30", "45");
        return new Fixture("formatting", input, analysis, null, ["f1", "f2", "f3"], []);
    }

    /// <summary>Edits inside a hyperlink, right after one, and across its boundary.</summary>
    private static Fixture Hyperlink()
    {
        var input = Build((main, body) =>
        {
            body.Append(P(R("The Client may use the Deliverables as set out in "), Link(main, "https://example.com/policy", "the Usage Policy for any purpose"), R(".")));
            body.Append(P(R("Licensee may publish "), Link(main, "https://example.com/work", "the Work"), R(" for any purpose whatsoever.")));
        });
        var analysis = new AnalysisBuilder(input)
            .Replace("f1", "for any purpose", "for the Project", null, ("any purpose", "the Project"))
            .InsertAfter("f2", "the Usage Policy for any purpose", " (as amended by the parties)")
            .Replace("f3", "publish the Work for any purpose", "display the approved Work for the Project", null,
                ("publish the", "display the approved"), ("any purpose", "the Project"));
        return new Fixture("hyperlink", input, analysis, null, ["f1", "f2", "f3"], []);
    }

    /// <summary>A complex field: its result is never edited, but text around it is.</summary>
    private static Fixture Field()
    {
        var input = Build((main, body) =>
        {
            var paragraph = P(R("As set out in Section "));
            paragraph.Append(DocBuilder.Field(" REF _Ref1 \\h ", "4.2"));
            paragraph.Append(R(", the Client may use the Deliverables for any purpose."));
            body.Append(paragraph);
            body.Append(P(new W.BookmarkStart { Id = "0", Name = "_Ref1" }, R("4.2"), new W.BookmarkEnd { Id = "0" }, R(" Licence. The licence terms apply.")));
        });
        var analysis = new AnalysisBuilder(input)
            .Replace("f1", "for any purpose", "for the Project")
            .Replace("f2", "4.2", "5.1")
            .InsertAfter("f3", "Section 4.2", " (Licence)");
        return new Fixture("field", input, analysis, null, ["f1", "f3"], [("f2", SkipReason.FieldResult)]);
    }

    /// <summary>A deletion across a footnote reference keeps the reference.</summary>
    private static Fixture Footnote()
    {
        var input = Build((main, body) =>
        {
            var notes = main.AddNewPart<FootnotesPart>();
            notes.Footnotes = new W.Footnotes(
                new W.Footnote(new W.Paragraph(new W.Run(new W.SeparatorMark()))) { Type = W.FootnoteEndnoteValues.Separator, Id = -1 },
                new W.Footnote(new W.Paragraph(new W.Run(new W.ContinuationSeparatorMark()))) { Type = W.FootnoteEndnoteValues.ContinuationSeparator, Id = 0 },
                new W.Footnote(new W.Paragraph(new W.Run(new W.FootnoteReferenceMark()), R(" Including the right of integrity."))) { Id = 1 });
            body.Append(P(R("The Contractor waives all moral rights"), new W.Run(new W.FootnoteReference { Id = 1 }),
                R(" in the Deliverables worldwide.")));
        });
        var analysis = new AnalysisBuilder(input)
            .Replace("f1", "all moral rights in the Deliverables worldwide", "only the right to be named as author");
        return new Fixture("footnote", input, analysis, null, ["f1"], []);
    }

    private static Fixture Table()
    {
        var input = Build((main, body) =>
        {
            body.Append(P(R("Schedule 1. Rights granted.")));
            body.Append(DocBuilder.Table(["Right", "Scope"], ["Licence", "perpetual and irrevocable, for any purpose"], ["Term", "five years"]));
            body.Append(P(R("End of schedule.")));
        });
        var analysis = new AnalysisBuilder(input)
            .Replace("f1", "perpetual and irrevocable", "for the Term")
            .Replace("f2", "for any purpose", "for the Project");
        return new Fixture("table", input, analysis, null, ["f1", "f2"], []);
    }

    /// <summary>Another author's pending insertion and deletion: edits on them are refused, edits beside them apply.</summary>
    private static Fixture Tracked()
    {
        var input = Build((main, body) => body.Append(P(
            R("The Client may use the Deliverables "), Inserted("7", "Alice Agency", "for any purpose"), R(" and "),
            Deleted("8", "Alice Agency", "shall not "), R("may sublicense them in any media."))));
        var analysis = new AnalysisBuilder(input)
            .Replace("f1", "for any purpose", "for the Project")
            .Replace("f2", "in any media", "in print and online media")
            .InsertAfter("f3", "and may ", "not ");
        return new Fixture("tracked", input, analysis, null, ["f2", "f3"], [("f1", SkipReason.PendingRevision)]);
    }

    /// <summary>A comment already present keeps its id; the new comment gets the next one.</summary>
    private static Fixture ExistingComment()
    {
        var input = Build((main, body) =>
        {
            main.AddNewPart<WordprocessingCommentsPart>().Comments = new W.Comments(
                new W.Comment(new W.Paragraph(R("Check this with legal."))) { Id = "0", Author = "Bob Lawyer", Initials = "BL" });
            body.Append(P(R("The Client may sublicense the "), new W.CommentRangeStart { Id = "0" }, R("Deliverables"),
                new W.CommentRangeEnd { Id = "0" }, new W.Run(new W.CommentReference { Id = "0" }), R(" to its affiliates for any purpose.")));
        });
        var analysis = new AnalysisBuilder(input).Replace("f1", "to its affiliates for any purpose", "to its affiliates for the Project only");
        return new Fixture("comment", input, analysis, null, ["f1"], []);
    }

    /// <summary>An unlocked inline content control is edited inside; a locked block control is left alone.</summary>
    private static Fixture ContentControls()
    {
        var input = Build((main, body) =>
        {
            body.Append(P(R("The Client may use the Deliverables "),
                new W.SdtRun(new W.SdtProperties(new W.SdtAlias { Val = "Scope" }), new W.SdtContentRun(R("for any purpose"))),
                R(" during the Term.")));
            body.Append(new W.SdtBlock(
                new W.SdtProperties(new W.Lock { Val = W.LockingValues.SdtContentLocked }),
                new W.SdtContentBlock(P(R("Standard terms: the Client may sublicense the Deliverables without restriction.")))));
        });
        var analysis = new AnalysisBuilder(input)
            .Replace("f1", "for any purpose", "for the Project")
            .Replace("f2", "without restriction", "with the Contractor's consent");
        return new Fixture("content-control", input, analysis, null, ["f1"], [("f2", SkipReason.LockedContent)]);
    }

    /// <summary>Two findings inserting a sentence after the same sentence both apply, in finding order; insertions at
    /// either end of another finding's replacement (one at the paragraph's start, with no text before it) too.</summary>
    private static Fixture SamePoint()
    {
        var input = Build((main, body) =>
        {
            body.Append(P(R("The Contractor grants the Client a license to use the Deliverables for any purpose."), R(" The Client may sublicense them.")));
            body.Append(P(R("Licensee may exploit the Work in any manner.")));
        });
        var analysis = new AnalysisBuilder(input)
            .InsertAfter("f1", "for any purpose.", " The Client shall not use the Deliverables to train artificial intelligence systems.")
            .InsertAfter("f2", "for any purpose.", " Only human agents of the Client may create derivative works of the Deliverables.")
            .Edits("f3", "Licensee may exploit", new Edit(0, 0, "Subject to Section 3, "))
            .Replace("f4", "Licensee may exploit", "The Client may display")
            .Replace("f5", "in any manner", "in the Project", null, ("any manner", "the Project"))
            .InsertAfter("f6", "in any manner", " and for no other purpose");
        return new Fixture("same-point", input, analysis, null, ["f1", "f2", "f3", "f4", "f5", "f6"], []);
    }

    /// <summary>Everything the writer must refuse, next to a duplicate suggestion it must apply once.</summary>
    private static Fixture Refusals()
    {
        var input = Build((main, body) =>
        {
            var header = main.AddNewPart<HeaderPart>();
            header.Header = new W.Header(P(R("Confidential. Licensed for any purpose.")));
            body.Append(P(R("The Client may exploit the Deliverables for any purpose and in any manner.")));
            body.Append(P(R("The Client may store the Deliverables with any third party.")));
            body.Append(new W.SectionProperties(new W.HeaderReference { Type = W.HeaderFooterValues.Default, Id = main.GetIdOfPart(header) }));
        });
        var builder = new AnalysisBuilder(input);
        var first = builder.Paragraphs.First(p => p.Text.StartsWith("The Client may exploit", StringComparison.Ordinal));
        var second = builder.Paragraphs.First(p => p.Text.StartsWith("The Client may store", StringComparison.Ordinal));
        var path = first.Id[..first.Id.IndexOf('#', StringComparison.Ordinal)];
        var secondPath = second.Id[..second.Id.IndexOf('#', StringComparison.Ordinal)];
        builder
            .Replace("f1", "for any purpose", "for the Project")
            .Replace("f2", "for any purpose", "for the Project")
            .Replace("f3", "Deliverables for any purpose", "Deliverables for the purpose of the Project")
            .Replace("f4", "Licensed for any purpose", "Licensed for the Project")
            .Replace("f5", "any third party", "approved processors", paragraphId: secondPath + "#00000000")
            .Replace("f6", "any third party", "approved processors", paragraphId: "body/p[99]")
            .Edits("f7", "in any manner", new Edit(60, 100, "x"))
            .Replace("f8", "in any manner", "in the manner agreed", paragraphId: path);
        return new Fixture("refusals", input, builder, null, ["f1", "f2", "f8"],
        [
            ("f3", SkipReason.OverlapsSuggestion), ("f4", SkipReason.NotRedlinable), ("f5", SkipReason.ParagraphChanged),
            ("f6", SkipReason.ParagraphNotFound), ("f7", SkipReason.InvalidEdit),
        ]);
    }
}

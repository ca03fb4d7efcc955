using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using WordRedline.Core;
using static WordRedline.Docx.Tests.DocBuilder;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace WordRedline.Docx.Tests;

/// <summary>Fixtures for new paragraphs (document findings, the addendum), comments on risks and the formatting of
/// new words.</summary>
internal static partial class Fixtures
{
    private static readonly string[] Clauses =
    [
        "The Contractor grants the Client a worldwide license to use the Deliverables for any purpose.",
        "The Client shall pay the fees set out in Schedule 1.",
        "This Agreement constitutes the entire agreement between the parties.",
    ];

    /// <summary>A contract whose clauses are numbered "List Paragraph"s, the last one too: a document finding adds a
    /// clause after the first, the reference sentence goes after the entire-agreement clause, and the addendum's
    /// clauses get their own numbering (never the document's, nor its localized "List Number" style).</summary>
    private static Fixture NumberedAddendum()
    {
        var input = Build((main, body) =>
        {
            main.StyleDefinitionsPart!.Styles!.Append(ParagraphStyle("Listennummer", "List Number"));
            main.AddNewPart<NumberingDefinitionsPart>().Numbering = new W.Numbering(
                new W.AbstractNum(new W.Level(new W.StartNumberingValue { Val = 1 }, new W.NumberingFormat { Val = W.NumberFormatValues.Decimal },
                    new W.LevelText { Val = "%1." }) { LevelIndex = 0 }) { AbstractNumberId = 0 },
                new W.NumberingInstance(new W.AbstractNumId { Val = 0 }) { NumberID = 1 });
            body.Append(StyledP("Heading1", R("Services Agreement")));
            foreach (var clause in Clauses)
            {
                body.Append(new W.Paragraph(
                    new W.ParagraphProperties(new W.ParagraphStyleId { Val = "ListParagraph" },
                        new W.NumberingProperties(new W.NumberingLevelReference { Val = 0 }, new W.NumberingId { Val = 1 })),
                    R(clause)));
            }
        });
        var analysis = new AnalysisBuilder(input)
            .Replace("f1", "for any purpose", "for the Project")
            .DocumentFinding("d1", "worldwide license", new SuggestedParagraph(
                "Notwithstanding the foregoing, the license granted in this Section does not include the right to use the Deliverables for training artificial intelligence systems.", "Normal"))
            .AddendumReference("between the parties.", " The AI Protection Addendum attached hereto forms part of this Agreement and prevails over any conflicting term.");
        return new Fixture("numbered", input, analysis, Addendum, ["f1", "d1", "addendum-reference", "addendum"], []);
    }

    /// <summary>No styles, settings, numbering or comments parts at all: the writer creates what it needs.</summary>
    private static Fixture PlainAddendum()
    {
        var input = Build(
            (main, body) => body.Append(P(R("The Designer assigns all right, title and interest in the Work to the Agency for any purpose."))),
            styles: false);
        var analysis = new AnalysisBuilder(input).Replace("f1", "for any purpose", "for the Campaign");
        return new Fixture("plain", input, analysis, Addendum, ["f1", "addendum"], []);
    }

    /// <summary>Clauses in a numbered heading style (keep-with-next, outline level 0) with not-bold small body runs, as
    /// templates exported from Google Docs are: a new paragraph after a clause is body text, not a heading; the
    /// addendum goes after a numbered heading that is the body's last paragraph.</summary>
    private static Fixture HeadingClauses()
    {
        var input = Build((main, body) =>
        {
            main.StyleDefinitionsPart!.Styles!.Append(ParagraphStyle("Heading2", "heading 2", new W.RunProperties(new W.Bold(), new W.FontSize { Val = "28" })));
            main.StyleDefinitionsPart!.Styles!.Elements<W.Style>().Single(s => s.StyleId == "Heading2")
                .AppendChild(new W.StyleParagraphProperties(new W.KeepNext(), new W.OutlineLevel { Val = 1 }));
            main.AddNewPart<NumberingDefinitionsPart>().Numbering = TwoLevelNumbering();
            body.Append(Numbered("Heading2", 0, R("Licence")));
            body.Append(Numbered("Heading2", 1, Body("The Contractor grants the Client a worldwide license to use the Deliverables for any purpose.")));
            body.Append(Numbered("Heading2", 1, Body("The Client shall pay the fees set out in Schedule 1.")));
            body.Append(Numbered("Heading2", 0, R("Definitions")));
            body.Append(Numbered("Heading2", 1, Body("\u201cDeliverables\u201d means the work delivered under this Agreement.")));
        });
        var analysis = new AnalysisBuilder(input)
            .DocumentFinding("d1", "worldwide license", new SuggestedParagraph(
                "Notwithstanding the foregoing, the license granted in this Section does not include the right to use the Deliverables for training artificial intelligence systems.", "Normal"));
        return new Fixture("headings", input, analysis, Addendum, ["d1", "addendum"], []);
    }

    /// <summary>A document finding after the last paragraph of a table cell, where the cell's last mark must stay.</summary>
    private static Fixture CellEnd()
    {
        var input = Build((main, body) =>
        {
            body.Append(P(R("Order form.")));
            var table = DocBuilder.Table(["Term", "Rights"], ["Ownership", "Customer owns Deliverables."]);
            table.Elements<W.TableRow>().Last().Elements<W.TableCell>().Last()
                .AppendChild(P(R("Provider grants a licence to use the Deliverables for any purpose.")));
            body.Append(table);
            body.Append(P(R("Signatures.")));
        });
        var analysis = new AnalysisBuilder(input)
            .Replace("f1", "for any purpose", "for the Project", null, ("any purpose", "the Project"))
            .DocumentFinding("d1", "Provider grants a licence", new SuggestedParagraph(
                "The licence does not include the right to use the Deliverables to train artificial intelligence systems.", "Normal"));
        return new Fixture("cell-end", input, analysis, null, ["f1", "d1"], []);
    }

    /// <summary>A document finding after the body's last paragraph, then the addendum: the last mark is taken over
    /// by the clause's new paragraph, then passed on to the addendum's last paragraph.</summary>
    private static Fixture LastAnchor()
    {
        var input = Build((main, body) =>
        {
            body.Append(StyledP("Heading1", R("Licence")));
            body.Append(new W.Paragraph(new W.ParagraphProperties(new W.Justification { Val = W.JustificationValues.Both }),
                R("The Contractor grants the Client a worldwide license to use the Deliverables for any purpose.")));
        });
        var analysis = new AnalysisBuilder(input)
            .Replace("f1", "for any purpose", "for the Project", null, ("any purpose", "the Project"))
            .DocumentFinding("d1", "worldwide license", new SuggestedParagraph("The license does not include training artificial intelligence systems.", "Normal"));
        return new Fixture("last-anchor", input, analysis, Addendum, ["f1", "d1", "addendum"], []);
    }

    /// <summary>A grey, italic drafting note inside a clause: words replaced next to it and inside it take the body
    /// text's formatting, not the note's.</summary>
    private static Fixture DraftingNote()
    {
        var input = Build((main, body) => body.Append(P(
            R("The Client may use the Deliverables for any purpose during the Term. "),
            new W.Run(new W.RunProperties(new W.Italic(), new W.Highlight { Val = W.HighlightColorValues.LightGray }),
                T("[Drafting note: narrow the purpose before signing.]")),
            R(" Fees are due within thirty days."))));
        var analysis = new AnalysisBuilder(input)
            .Replace("f1", "for any purpose", "for the Project", null, ("any purpose", "the Project"))
            .Replace("f2", "narrow the purpose", "state the Project", null, ("narrow the purpose", "state the Project"));
        return new Fixture("drafting-note", input, analysis, null, ["f1", "f2"], []);
    }

    /// <summary>High risks without an edit become comments on their quote (or on the whole paragraph when the quote
    /// ends in a field result), beside an ordinary edit in the same paragraph.</summary>
    private static Fixture Risks()
    {
        var input = Build((main, body) =>
        {
            body.Append(P(R("The Contractor grants a perpetual, irrevocable license to use the Deliverables for any purpose.")));
            var paragraph = P(R("The assignment in Section "));
            paragraph.Append(DocBuilder.Field(" REF _Ref2 \\h ", "4.2"));
            paragraph.Append(R(" is irrevocable."));
            body.Append(paragraph);
            body.Append(P(new W.BookmarkStart { Id = "0", Name = "_Ref2" }, R("4.2"), new W.BookmarkEnd { Id = "0" }, R(" Assignment.")));
        });
        var analysis = new AnalysisBuilder(input)
            .Replace("f1", "for any purpose", "for the Project", null, ("any purpose", "the Project"))
            .Risk("r1", "perpetual, irrevocable", "Proposed for r1: the licence term is to be discussed.")
            .Risk("r2", "Section 4.2")
            .Risk("r3", "license to use", severity: Severity.Medium);
        return new Fixture("risks", input, analysis, null, ["f1"], []);
    }

    private static W.Paragraph Numbered(string style, int level, params OpenXmlElement[] content)
    {
        var paragraph = new W.Paragraph(new W.ParagraphProperties(
            new W.ParagraphStyleId { Val = style },
            new W.NumberingProperties(new W.NumberingLevelReference { Val = level }, new W.NumberingId { Val = 1 }),
            new W.Indentation { Left = "0", FirstLine = "216" }));
        paragraph.Append(content);
        return paragraph;
    }

    // Body runs inside a heading-styled clause: explicitly not bold, smaller.
    private static W.Run Body(string text) => new(new W.RunProperties(new W.Bold { Val = false }, new W.FontSize { Val = "16" }), T(text));

    private static W.Numbering TwoLevelNumbering() => new(
        new W.AbstractNum(
            new W.MultiLevelType { Val = W.MultiLevelValues.Multilevel },
            new W.Level(new W.StartNumberingValue { Val = 1 }, new W.NumberingFormat { Val = W.NumberFormatValues.Decimal }, new W.LevelText { Val = "%1." }) { LevelIndex = 0 },
            new W.Level(new W.StartNumberingValue { Val = 1 }, new W.NumberingFormat { Val = W.NumberFormatValues.Decimal }, new W.LevelText { Val = "%1.%2" }) { LevelIndex = 1 })
        { AbstractNumberId = 0 },
        new W.NumberingInstance(new W.AbstractNumId { Val = 0 }) { NumberID = 1 });
}

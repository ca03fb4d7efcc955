using System.Xml.Linq;
using WordRedline.Core;
using static WordRedline.Docx.Tests.Package;
using Wml = DocumentFormat.OpenXml.Wordprocessing;

namespace WordRedline.Docx.Tests;

/// <summary>The exact markup of new paragraphs (document findings, the addendum): their properties, their marks at
/// the end of a story, and where their comments go.</summary>
[TestClass]
public sealed class NewParagraphTests
{
    [TestMethod]
    public void Redline_Addendum_BodyStyleOwnNumberingAndTrackedPageBreak()
    {
        var fixture = Fixtures.Get("numbered");
        var docx = fixture.Redline().Docx;
        var pageBreak = Added(fixture, docx)[0];
        var added = Added(fixture, docx).Skip(1).Take(4).ToList();
        var documentList = Body(fixture.Input).Descendants(W + "numId").Select(n => Attr(n, "val")).Distinct().Single();

        var styles = added.Select(p => p.Element(W + "pPr")?.Element(W + "pStyle") is { } s ? Attr(s, "val") : "").ToList();
        var numIds = added.Select(p => p.Element(W + "pPr")?.Element(W + "numPr")?.Element(W + "numId") is { } n ? Attr(n, "val") : "").ToList();

        // The body text here is "ListParagraph"; the title is bold body text, never a heading (no table of contents).
        Assert.AreSequenceEqual<string?>(["ListParagraph", "ListParagraph", "ListParagraph", "ListParagraph"], styles);
        Assert.AreSequenceEqual<string?>(["", "2", "2", ""], numIds);
        Assert.AreNotEqual(documentList, numIds[1], "The addendum's clauses never continue the document's own list.");
        Assert.IsNotNull(added[0].Descendants(W + "b").SingleOrDefault());
        Assert.IsEmpty(added.SelectMany(p => p.Element(W + "pPr")!.Elements()).Where(e => e.Name.LocalName is "pageBreakBefore" or "keepNext" or "outlineLvl"));
        Assert.AreEqual("page", Attr(pageBreak.Element(W + "ins")!.Descendants(W + "br").Single(), "type"), "Word's page break paragraph, inserted.");
        Assert.AreEqual("", pageBreak.Value);
        Assert.IsTrue(added.All(p => p.Elements().Skip(1).All(e => e.Name == W + "ins")), "All their content is inserted.");
    }

    [TestMethod]
    public void Redline_AddendumAfterOwnNumberedLastParagraph_OwnMarksThenAnEmptyClosingParagraph()
    {
        var fixture = Fixtures.Get("numbered");
        var docx = fixture.Redline().Docx;

        var added = Added(fixture, docx);

        Assert.HasCount(6, added);
        Assert.IsTrue(added.Take(5).All(p => p.Element(W + "pPr")!.Element(W + "rPr")?.Element(W + "ins") is not null));
        Assert.IsNull(added[5].Element(W + "pPr")!.Element(W + "rPr"), "The closing paragraph keeps an untracked mark.");
        Assert.IsEmpty(added[5].Elements().Skip(1), "The closing paragraph is empty.");
        Assert.IsNull(added[5].Descendants(W + "numPr").SingleOrDefault());
        Assert.IsNull(Body(docx).Elements(W + "p").First(p => p.Value.StartsWith("This Agreement constitutes", StringComparison.Ordinal))
            .Element(W + "pPr")!.Element(W + "rPr"), "The numbered last clause keeps its own mark.");
    }

    [TestMethod]
    public void Redline_AddendumAfterUnnumberedLastParagraph_LastNewParagraphTakesOverItsMark()
    {
        var input = DocBuilder.Build((main, body) => body.Append(
            DocBuilder.P(DocBuilder.R("The Designer licenses the Work for any purpose.")),
            new Wml.Paragraph(new Wml.ParagraphProperties(new Wml.ParagraphStyleId { Val = "ListParagraph" }, new Wml.Justification { Val = Wml.JustificationValues.Center }),
                DocBuilder.R("Signed by both parties."))));
        var analysis = new AnalysisBuilder(input).Build();

        var docx = DocxRedliner.Redline(new MemoryStream(input), analysis, new RedlineOptions { Addendum = Fixtures.Addendum, TimeProvider = FixedClock.Default }).Docx;
        var paragraphs = Body(docx).Elements(W + "p").ToList();
        var original = Body(input).Elements(W + "p").Last();

        var marks = paragraphs.Skip(2).Select(p => p.Element(W + "pPr")!.Element(W + "rPr")?.Element(W + "ins") is not null).ToList();
        var change = paragraphs[^1].Element(W + "pPr")!.Element(W + "pPrChange")!;

        Assert.IsNotNull(paragraphs[1].Element(W + "pPr")!.Element(W + "rPr")!.Element(W + "ins"), "The old last paragraph's mark is inserted.");
        Assert.AreSequenceEqual<bool>([true, true, true, true, false], marks);
        Assert.AreEqual(Shape(original.Element(W + "pPr")!), Shape(change.Element(W + "pPr")!), "Rejecting restores the old last paragraph's properties.");
        Assert.AreEqual("", string.Join('\n', Validation.NewErrors(input, docx)));
    }

    [TestMethod]
    public void Redline_AddendumWithoutStyles_OwnNumberingAndBoldTitle()
    {
        var fixture = Fixtures.Get("plain");
        var docx = fixture.Redline().Docx;
        var added = Added(fixture, docx).Skip(1).ToList();
        var numbering = Part(docx, "word/numbering.xml").Root!;

        var numIds = added.Select(p => p.Element(W + "pPr")?.Element(W + "numPr")?.Element(W + "numId") is { } n ? Attr(n, "val") : "").ToList();

        Assert.AreSequenceEqual<string?>(["", "1", "1", ""], numIds);
        Assert.AreEqual("decimal", Attr(numbering.Descendants(W + "numFmt").Single(), "val"));
        Assert.IsNotNull(added[0].Descendants(W + "b").SingleOrDefault());
    }

    [TestMethod]
    public void Redline_DocumentFinding_InsertedAfterAnchorWithoutItsNumberingAndItsCommentOnTheAnchor()
    {
        var docx = Fixtures.Get("numbered").Redline().Docx;
        var paragraphs = Body(docx).Elements(W + "p").ToList();

        var inserted = paragraphs.FindIndex(p => p.Value.StartsWith("Notwithstanding", StringComparison.Ordinal));

        Assert.AreEqual(2, inserted);
        Assert.IsNull(paragraphs[inserted].Descendants(W + "numPr").SingleOrDefault());
        Assert.AreEqual("ListParagraph", Attr(paragraphs[inserted].Descendants(W + "pStyle").Single(), "val"));
        Assert.AreSequenceEqual<string>(["pPr", "ins"], paragraphs[inserted].Elements().Select(e => e.Name.LocalName),
            "Nothing untracked (no comment anchor) in the new paragraph, or LibreOffice's reject renumbers the next clause.");
        Assert.AreSequenceEqual<string>(["commentRangeStart", "commentRangeEnd", "r"], paragraphs[1].Elements().TakeLast(3).Select(e => e.Name.LocalName));
    }

    [TestMethod]
    public void Redline_DocumentFindingAfterNumberedHeadingClause_BodyTextNotAHeading()
    {
        var docx = Fixtures.Get("headings").Redline().Docx;
        var paragraph = Body(docx).Elements(W + "p").Single(p => p.Value.StartsWith("Notwithstanding", StringComparison.Ordinal));
        var properties = paragraph.Element(W + "pPr")!;

        Assert.AreSequenceEqual<string>(["ind", "rPr"], properties.Elements().Select(e => e.Name.LocalName),
            "No heading style, numbering, outline level or keep-with-next; the clause's indentation.");
        Assert.AreEqual("0", Attr(properties.Element(W + "ind")!, "left"));
        Assert.IsNull(Attr(properties.Element(W + "ind")!, "firstLine"), "The clause's first-line indent belongs to its number.");
        Assert.AreEqual("16", Attr(paragraph.Descendants(W + "sz").Single(), "val"), "The clause's body text size.");
        Assert.IsTrue(Attr(paragraph.Descendants(W + "b").Single(), "val") is "0" or "false", "The clause's body text is not bold.");
    }

    [TestMethod]
    public void Redline_DocumentFindingAtEndOfTableCell_CellsLastMarkTakenOver()
    {
        var fixture = Fixtures.Get("cell-end");
        var docx = fixture.Redline().Docx;
        var cell = Body(docx).Descendants(W + "tc").Last();

        var marks = cell.Elements(W + "p").Select(p => p.Element(W + "pPr")?.Element(W + "rPr")?.Element(W + "ins") is not null).ToList();

        Assert.AreSequenceEqual<bool>([false, true, false], marks);
        Assert.IsNotNull(cell.Elements(W + "p").Last().Element(W + "pPr")!.Element(W + "pPrChange"));
    }

    [TestMethod]
    public void Redline_DocumentFindingAtBodyEndThenAddendum_TheTakenOverMarkMovesOnToTheLastParagraph()
    {
        var docx = Fixtures.Get("last-anchor").Redline().Docx;
        var paragraphs = Body(docx).Elements(W + "p").ToList();

        var marks = paragraphs.Skip(1).Select(p => p.Element(W + "pPr")?.Element(W + "rPr")?.Element(W + "ins") is not null).ToList();
        var changed = paragraphs.Where(p => p.Element(W + "pPr")?.Element(W + "pPrChange") is not null).ToList();

        Assert.AreSequenceEqual<bool>([true, true, true, true, true, true, false], marks, "clause, carve-out, page break, four addendum paragraphs");
        Assert.AreSame(paragraphs[^1], Assert.ContainsSingle(changed));
        Assert.AreEqual("both", Attr(paragraphs[^1].Descendants(W + "pPrChange").Single().Descendants(W + "jc").Single(), "val"));
    }

    [TestMethod]
    public void Redline_AnchorStyleListedInTheTableOfContents_NewParagraphUsesBodyText()
    {
        var input = DocBuilder.Build((main, body) =>
        {
            main.StyleDefinitionsPart!.Styles!.Append(DocBuilder.ParagraphStyle("Clause", "Clause"));
            var toc = DocBuilder.P(DocBuilder.Field(" TOC \\o \"1-3\" \\t \"Clause,1\" ", "Contents"));
            body.Append(toc, DocBuilder.P(DocBuilder.R("Recitals.")), DocBuilder.StyledP("Clause", DocBuilder.R("The Contractor grants a worldwide license.")),
                DocBuilder.P(DocBuilder.R("Signatures.")));
        });
        var analysis = new AnalysisBuilder(input).DocumentFinding("d1", "worldwide license", new SuggestedParagraph("No training.", "Normal")).Build();

        var docx = DocxRedliner.Redline(new MemoryStream(input), analysis).Docx;
        var inserted = Body(docx).Elements(W + "p").Single(p => p.Value == "No training.");

        Assert.IsNull(inserted.Descendants(W + "pStyle").SingleOrDefault(), "'Clause' is in the contents; 'Recitals.' is body text in the default style.");
    }

    // The paragraphs the redline added after the input's last body paragraph (document findings add theirs before).
    private static List<XElement> Added(Fixture fixture, byte[] docx) =>
        [.. Body(docx).Elements(W + "p").Skip(Body(fixture.Input).Elements(W + "p").Count() + fixture.Analysis.Build().DocumentFindings.Sum(d => d.Paragraphs.Count))];

    // Element names and attribute values below an element, in document order.
    private static string Shape(XElement element) => string.Join(' ', element.Descendants()
        .Select(e => $"{e.Name.LocalName}({string.Join(',', e.Attributes().Select(a => $"{a.Name.LocalName}={a.Value}"))})"));
}

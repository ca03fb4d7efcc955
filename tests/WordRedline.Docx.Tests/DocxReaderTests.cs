using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using static WordRedline.Docx.Tests.DocBuilder;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace WordRedline.Docx.Tests;

/// <summary>The reader gives the accepted view (what Word shows after "Accept all") with stable position ids.</summary>
[TestClass]
public sealed class DocxReaderTests
{
    [TestMethod]
    public void Read_PendingRevisions_InsertionsKeptDeletionsDropped()
    {
        var docx = Build((main, body) => body.Append(P(R("Pay within "), Deleted("1", "A", "30"), Inserted("2", "A", "45"), R(" days."))));

        Assert.AreEqual("Pay within 45 days.", Read(docx).Single().Text);
    }

    [TestMethod]
    public void Read_Moves_MovedToKeptMovedFromDropped()
    {
        var docx = Build((main, body) => body.Append(P(
            new W.MoveFromRun(new W.Run(new W.DeletedText("old place ") { Space = SpaceProcessingModeValues.Preserve })) { Id = "1", Author = "A" },
            R("Text "),
            new W.MoveToRun(new W.Run(T("new place"))) { Id = "2", Author = "A" })));

        Assert.AreEqual("Text new place", Read(docx).Single().Text);
    }

    [TestMethod]
    public void Read_ComplexField_ResultWithoutCode()
    {
        var docx = Build((main, body) =>
        {
            var paragraph = P(R("See "));
            paragraph.Append(Field(" REF _Ref1 \\h ", "Clause 4"));
            paragraph.Append(R("."));
            body.Append(paragraph);
        });

        Assert.AreEqual("See Clause 4.", Read(docx).Single().Text);
    }

    [TestMethod]
    public void Read_FieldAcrossParagraphs_ResultsOfEveryParagraph()
    {
        var docx = Build((main, body) =>
        {
            body.Append(P(new W.Run(new W.FieldChar { FieldCharType = W.FieldCharValues.Begin }), new W.Run(new W.FieldCode(" TOC \\o ")),
                new W.Run(new W.FieldChar { FieldCharType = W.FieldCharValues.Separate }), R("1. License")));
            body.Append(P(R("2. Payment"), new W.Run(new W.FieldChar { FieldCharType = W.FieldCharValues.End })));
            body.Append(P(R("1. License. The Client may use the Deliverables.")));
        });

        Assert.AreSequenceEqual<string>(["1. License", "2. Payment", "1. License. The Client may use the Deliverables."], Read(docx).Select(p => p.Text));
    }

    [TestMethod]
    public void Read_TableOfContentsEntry_EditRefusedAsFieldResult()
    {
        var docx = Build((main, body) =>
        {
            body.Append(P(new W.Run(new W.FieldChar { FieldCharType = W.FieldCharValues.Begin }), new W.Run(new W.FieldCode(" TOC \\o ")),
                new W.Run(new W.FieldChar { FieldCharType = W.FieldCharValues.Separate }), R("License for any purpose")));
            body.Append(P(R("Payment"), new W.Run(new W.FieldChar { FieldCharType = W.FieldCharValues.End })));
        });
        var analysis = new AnalysisBuilder(docx).Replace("f1", "for any purpose", "for the Project").Build();

        var result = DocxRedliner.Redline(new MemoryStream(docx), analysis);

        Assert.AreEqual(SkipReason.FieldResult, result.Skipped.Single().Reason);
    }

    [TestMethod]
    public void Read_SimpleFieldHyperlinkAndControls_TheirDisplayedText()
    {
        var docx = Build((main, body) => body.Append(P(
            new W.SimpleField(R("7")) { Instruction = " PAGE " }, R(" pages; see "), Link(main, "https://example.com/", "the policy"),
            R(" and "), new W.SdtRun(new W.SdtContentRun(R("Schedule 2"))), R("."))));

        Assert.AreEqual("7 pages; see the policy and Schedule 2.", Read(docx).Single().Text);
    }

    [TestMethod]
    public void Read_TabsBreaksAndSymbols_AsCharacters()
    {
        var docx = Build((main, body) => body.Append(P(new W.Run(T("a"), new W.TabChar(), T("b"), new W.Break(), T("c"), new W.NoBreakHyphen(),
            T("d"), new W.SymbolChar { Font = "Symbol", Char = "00A7" }))));

        Assert.AreEqual("a\tb\nc-d\u00A7", Read(docx).Single().Text);
    }

    [TestMethod]
    public void Read_Table_CellPathsRowByRow()
    {
        var docx = Build((main, body) =>
        {
            body.Append(P(R("Intro")));
            body.Append(Table(["a1", "b1"], ["a2", "b2"]));
        });

        var paths = Read(docx).Select(p => $"{p.Id.Split('#')[0]}={p.Text}").ToList();

        Assert.AreSequenceEqual<string>(
            ["body/p[0]=Intro", "body/tbl[0]/tr[0]/tc[0]/p[0]=a1", "body/tbl[0]/tr[0]/tc[1]/p[0]=b1", "body/tbl[0]/tr[1]/tc[0]/p[0]=a2", "body/tbl[0]/tr[1]/tc[1]/p[0]=b2"],
            paths);
        Assert.IsTrue(Read(docx).Skip(1).All(p => p.InTable));
    }

    [TestMethod]
    public void Read_DeletedTableRow_LeftOut()
    {
        var docx = Build((main, body) =>
        {
            var table = Table(["kept"], ["gone"]);
            table.Elements<W.TableRow>().Last().PrependChild(new W.TableRowProperties(new W.Deleted { Id = "1", Author = "A" }));
            body.Append(table);
        });

        Assert.AreSequenceEqual<string>(["kept"], Read(docx).Select(p => p.Text));
    }

    [TestMethod]
    public void Read_HeadersFootersAndNotes_ReadButNotRedlinable()
    {
        var docx = Build((main, body) =>
        {
            var header = main.AddNewPart<HeaderPart>();
            header.Header = new W.Header(P(R("Header text")));
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = new W.Footer(P(R("Footer text")));
            main.AddNewPart<FootnotesPart>().Footnotes = new W.Footnotes(
                new W.Footnote(P(new W.Run(new W.SeparatorMark()))) { Type = W.FootnoteEndnoteValues.Separator, Id = -1 },
                new W.Footnote(P(R("Note text"))) { Id = 1 });
            body.Append(P(R("Body text"), new W.Run(new W.FootnoteReference { Id = 1 })));
            body.Append(new W.SectionProperties(
                new W.HeaderReference { Type = W.HeaderFooterValues.Default, Id = main.GetIdOfPart(header) },
                new W.FooterReference { Type = W.HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) }));
        });

        var read = Read(docx).Select(p => $"{p.Id.Split('#')[0]}|{p.Story}|{p.Redlinable}|{p.Text}").ToList();

        Assert.AreSequenceEqual<string>(
            ["body/p[0]|Body|True|Body text", "header1/p[0]|Header|False|Header text", "footer1/p[0]|Footer|False|Footer text", "footnotes/fn[1]/p[0]|Footnote|False|Note text"],
            read);
    }

    [TestMethod]
    public void Read_SameBytesTwice_SameIds()
    {
        var docx = Fixtures.Get("numbered").Input;

        Assert.AreSequenceEqual(Read(docx).Select(p => p.Id), Read(docx).Select(p => p.Id));
    }

    [TestMethod]
    public void Read_TextChanged_HashChangesPathStays()
    {
        var before = Build((main, body) => body.Append(P(R("Pay within 30 days."))));
        var after = Build((main, body) => body.Append(P(R("Pay within 45 days."))));

        var (a, b) = (Read(before).Single().Id.Split('#'), Read(after).Single().Id.Split('#'));

        Assert.AreEqual(a[0], b[0]);
        Assert.AreNotEqual(a[1], b[1]);
    }

    [TestMethod]
    public void ToAnalyzeRequest_EmptyParagraphs_LeftOutAndIdsKept()
    {
        var document = DocxReader.Read(new MemoryStream(Build((main, body) => body.Append(P(R("First.")), P(), P(R("  ")), P(R("Second."))))));

        var request = document.ToAnalyzeRequest("Designer", "freelancer-ai");

        Assert.AreSequenceEqual(document.Paragraphs.Where(p => p.Text.Trim().Length > 0).Select(p => p.Id), request.Paragraphs.Select(p => p.Id));
        Assert.AreEqual("Designer", request.Party);
        Assert.AreEqual("freelancer-ai", request.Playbook);
    }

    [TestMethod]
    public void Read_ParagraphStyle_Reported()
    {
        var docx = Build((main, body) => body.Append(StyledP("Heading1", R("Terms"))));

        Assert.AreEqual("Heading1", Read(docx).Single().Style);
    }

    private static IReadOnlyList<DocxParagraph> Read(byte[] docx) => DocxReader.Read(new MemoryStream(docx)).Paragraphs;
}

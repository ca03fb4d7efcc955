using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace WordRedline.Docx.Bench;

/// <summary>A realistic services contract built in code: numbered sections with headings, clauses with bold defined
/// terms and italic emphasis, list items, a fee table and hyperlinks; a few clauses give away usage rights the way
/// agency contracts do, so the engine finds what to fix. The same seed always gives the same bytes.</summary>
public static class ContractDocx
{
    private const int Seed = 20_250_102;

    private static readonly string[] Safe =
    [
        "The Designer shall perform the Services described in each Statement of Work with reasonable skill, care and diligence, in accordance with generally accepted industry standards.",
        "The Agency shall pay each undisputed invoice within thirty (30) days of receipt. Late payments bear interest at one percent (1%) per month or the maximum rate permitted by law, whichever is lower.",
        "Either party may terminate this Agreement on thirty (30) days' written notice. On termination the Agency shall pay for all Services performed up to the effective date of termination.",
        "Each party shall keep the other party's Confidential Information in confidence and use it only to perform its obligations under this Agreement.",
        "The Designer is an independent contractor. Nothing in this Agreement creates a partnership, joint venture, agency or employment relationship between the parties.",
        "Neither party is liable for any failure or delay in performance caused by events beyond its reasonable control, including fire, flood, strike, pandemic or failure of public utilities.",
        "All notices under this Agreement shall be in writing and delivered by hand, by courier or by e-mail to the addresses set out in the applicable Statement of Work.",
        "The Designer shall deliver the Deliverables in the formats and by the dates set out in the Statement of Work, and shall correct any nonconformity notified within ten (10) business days of delivery.",
        "This Agreement is governed by the laws of the State of New York, and the courts of New York County have exclusive jurisdiction over any dispute arising out of it.",
        "The Agency shall provide the Designer with timely access to the materials, information and approvals reasonably required to perform the Services.",
        "Expenses approved in advance in writing by the Agency will be reimbursed at cost, against receipts, with the next invoice.",
        "If any provision of this Agreement is held invalid or unenforceable, the remaining provisions remain in full force and effect.",
        "No waiver of any breach is a waiver of any other breach, and no delay in exercising a right is a waiver of that right.",
        "The Designer warrants that the Deliverables are original works of the Designer and, to the Designer's knowledge, do not infringe any third party's rights.",
    ];

    private static readonly string[] Risky =
    [
        "The Designer hereby grants the Agency a perpetual, irrevocable, worldwide, royalty-free license to use the Deliverables for any and all purposes.",
        "The Agency may modify, adapt and create derivative works of the Deliverables, including all future modifications.",
        "The Agency may share the Deliverables with its affiliates, partners and third-party service providers.",
        "The Designer waives all moral rights in the Deliverables.",
        "The Agency may use the Deliverables in any media now known or hereafter devised, without restriction.",
    ];

    private static readonly string[] Items =
    [
        "initial concepts and mood boards;",
        "two rounds of revisions on the selected concept;",
        "final artwork in vector and raster formats;",
        "a style guide covering colour, typography and logo usage;",
        "source files, excluding third-party fonts and stock assets;",
    ];

    /// <summary>About <paramref name="paragraphs"/> paragraphs (2,500 is roughly 100 pages); every
    /// <paramref name="riskEvery"/>th clause is a risky one.</summary>
    public static byte[] Build(int paragraphs = 2_500, int riskEvery = 40)
    {
        var random = new Random(Seed);
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>("rId1").Styles = new W.Styles(
                Style("Normal", "Normal"), Style("Heading1", "heading 1"), Style("Heading2", "heading 2"),
                Style("ListParagraph", "List Paragraph"), Style("Title", "Title"));
            main.AddNewPart<NumberingDefinitionsPart>("rId2").Numbering = new W.Numbering(
                new W.AbstractNum(new W.Level(new W.StartNumberingValue { Val = 1 }, new W.NumberingFormat { Val = W.NumberFormatValues.LowerLetter },
                    new W.LevelText { Val = "(%1)" }) { LevelIndex = 0 }) { AbstractNumberId = 0 },
                new W.NumberingInstance(new W.AbstractNumId { Val = 0 }) { NumberID = 1 });
            main.AddNewPart<DocumentSettingsPart>("rId3").Settings = new W.Settings(new W.DefaultTabStop { Val = 720 });
            var policy = main.AddHyperlinkRelationship(new Uri("https://agency.example/brand-policy"), true, "rId4");

            var body = new W.Body();
            body.Append(Styled("Title", new W.Run(Text("Design Services Agreement"))));
            body.Append(new W.Paragraph(new W.Run(Text("This Design Services Agreement is made between Acme Agency LLC (the \"Agency\") and Jane Doe (the \"Designer\")."))));
            var count = 2;
            var clause = 0;
            for (var section = 1; count < paragraphs - 2; section++)
            {
                body.Append(Styled("Heading1", new W.Run(Text($"{section}. {Headings[section % Headings.Length]}"))));
                count++;
                for (var i = 1; i <= 6 && count < paragraphs - 2; i++, count++)
                {
                    clause++;
                    var text = clause % riskEvery == 0 ? Risky[clause / riskEvery % Risky.Length] : Safe[random.Next(Safe.Length)];
                    body.Append(Clause($"{section}.{i} ", text, clause % 7 == 0 ? policy.Id : null));
                }

                if (section % 10 == 0 && count < paragraphs - 8)
                {
                    body.Append(FeeTable(section));
                    count += 6;
                }
                else
                {
                    for (var i = 0; i < 2 && count < paragraphs - 2; i++, count++)
                    {
                        body.Append(new W.Paragraph(
                            new W.ParagraphProperties(new W.ParagraphStyleId { Val = "ListParagraph" },
                                new W.NumberingProperties(new W.NumberingLevelReference { Val = 0 }, new W.NumberingId { Val = 1 })),
                            new W.Run(Text(Items[random.Next(Items.Length)]))));
                    }
                }
            }

            body.Append(Styled("Heading1", new W.Run(Text("Entire Agreement"))));
            body.Append(new W.Paragraph(new W.Run(Text("This Agreement constitutes the entire agreement between the parties and supersedes all prior agreements and understandings."))));
            body.Append(new W.SectionProperties(new W.PageSize { Width = 12240U, Height = 15840U },
                new W.PageMargin { Top = 1440, Bottom = 1440, Left = 1440U, Right = 1440U }));
            main.Document = new W.Document(body);
        }

        return stream.ToArray();
    }

    private static readonly string[] Headings =
    [
        "Services", "Fees and Payment", "Intellectual Property", "Confidentiality", "Term and Termination", "Warranties",
        "Limitation of Liability", "General",
    ];

    // "1.2 " + text, with "Deliverables" and "Agency" in bold where they first appear and a hyperlink on some.
    private static W.Paragraph Clause(string number, string text, string? link)
    {
        var paragraph = new W.Paragraph(new W.Run(Text(number)));
        var at = text.IndexOf("Deliverables", StringComparison.Ordinal);
        if (at > 0)
        {
            paragraph.Append(new W.Run(Text(text[..at])), new W.Run(new W.RunProperties(new W.Bold()), Text("Deliverables")));
            text = text[(at + "Deliverables".Length)..];
        }

        var emphasis = text.IndexOf("reasonable", StringComparison.Ordinal);
        if (emphasis > 0)
        {
            paragraph.Append(new W.Run(Text(text[..emphasis])), new W.Run(new W.RunProperties(new W.Italic()), Text("reasonable")));
            text = text[(emphasis + "reasonable".Length)..];
        }

        paragraph.Append(new W.Run(Text(text)));
        if (link is not null)
        {
            paragraph.Append(new W.Run(Text(" See the ")),
                new W.Hyperlink(new W.Run(new W.RunProperties(new W.Underline { Val = W.UnderlineValues.Single }), Text("brand policy"))) { Id = link },
                new W.Run(Text(".")));
        }

        return paragraph;
    }

    private static W.Table FeeTable(int section)
    {
        var table = new W.Table(new W.TableProperties(new W.TableWidth { Width = "5000", Type = W.TableWidthUnitValues.Pct }),
            new W.TableGrid(new W.GridColumn { Width = "6000" }, new W.GridColumn { Width = "3000" }));
        foreach (var (item, fee) in new[] { ("Milestone", "Fee"), ("Concepts", "$2,000"), ("Final artwork", "$3,500") })
        {
            table.Append(new W.TableRow(
                new W.TableCell(new W.Paragraph(new W.Run(Text($"{item} ({section})")))),
                new W.TableCell(new W.Paragraph(new W.Run(Text(fee))))));
        }

        return table;
    }

    private static W.Style Style(string id, string name) =>
        new(new W.StyleName { Val = name }) { Type = W.StyleValues.Paragraph, StyleId = id };

    private static W.Paragraph Styled(string style, W.Run run) =>
        new(new W.ParagraphProperties(new W.ParagraphStyleId { Val = style }), run);

    private static W.Text Text(string text) => new(text) { Space = SpaceProcessingModeValues.Preserve };
}

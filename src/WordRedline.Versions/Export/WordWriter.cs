using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace WordRedline.Versions;

/// <summary>Builds a new, plain Word document (the proof's .docx and the letters): styled paragraphs and simple
/// tables, nothing else, so Word, LibreOffice and pandoc all open it as written.</summary>
internal sealed class WordWriter
{
    private readonly List<OpenXmlElement> body = [];

    public WordWriter Title(string text) => Paragraph(text, "Title");

    public WordWriter Heading(string text) => Paragraph(text, "Heading1");

    public WordWriter Text(string text) => Paragraph(text, null);

    /// <summary>Words quoted from the contract, set off as a block.</summary>
    public WordWriter Quote(string text) => Paragraph(text, "Quote");

    /// <summary>A hash or other machine text, in a fixed-width font so it can be compared character by character.</summary>
    public WordWriter Code(string text) => Paragraph(text, "Code");

    public WordWriter Blank() => Paragraph("", null);

    /// <summary>A paragraph of runs, some bold ("Re: " then the subject).</summary>
    public WordWriter Mixed(params (string Text, bool Bold)[] runs)
    {
        var paragraph = new W.Paragraph();
        foreach (var (text, bold) in runs)
        {
            paragraph.Append(Run(text, bold));
        }

        body.Add(paragraph);
        return this;
    }

    /// <summary>A numbered or lettered item whose number is part of its text ("1. ..."), with a hanging indent.</summary>
    public WordWriter Indented(string text)
    {
        var paragraph = new W.Paragraph(new W.ParagraphProperties(new W.ParagraphStyleId { Val = "ListBullet" }));
        var parts = text.Split('\t');
        for (var i = 0; i < parts.Length; i++)
        {
            if (i > 0)
            {
                paragraph.Append(new W.Run(new W.TabChar()));
            }

            paragraph.Append(Run(parts[i], false));
        }

        body.Add(paragraph);
        return this;
    }

    /// <summary>A list item. The bullet is a character, not a numbering definition, so every reader shows it.</summary>
    public WordWriter Bullet(string text)
    {
        return Indented("\u2022\t" + text);
    }

    public WordWriter Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var border = new W.TableBorders(
            new W.TopBorder { Val = W.BorderValues.Single, Size = 4 },
            new W.BottomBorder { Val = W.BorderValues.Single, Size = 4 },
            new W.LeftBorder { Val = W.BorderValues.Single, Size = 4 },
            new W.RightBorder { Val = W.BorderValues.Single, Size = 4 },
            new W.InsideHorizontalBorder { Val = W.BorderValues.Single, Size = 4 },
            new W.InsideVerticalBorder { Val = W.BorderValues.Single, Size = 4 });
        var table = new W.Table(new W.TableProperties(new W.TableWidth { Type = W.TableWidthUnitValues.Pct, Width = "5000" }, border));
        table.Append(Row(header, bold: true));
        foreach (var row in rows)
        {
            table.Append(Row(row, bold: false));
        }

        body.Add(table);
        // Word needs a paragraph between a table and whatever follows.
        return Blank();
    }

    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = Styles();
            var sections = new W.SectionProperties(
                new W.PageSize { Width = 11906, Height = 16838 },
                new W.PageMargin { Top = 1440, Bottom = 1440, Left = 1440, Right = 1440, Header = 708, Footer = 708, Gutter = 0 });
            main.Document = new W.Document(new W.Body(body.Select(e => e.CloneNode(true)).Append(sections)));
        }

        return stream.ToArray();
    }

    private WordWriter Paragraph(string text, string? style)
    {
        var paragraph = new W.Paragraph();
        if (style is not null)
        {
            paragraph.Append(new W.ParagraphProperties(new W.ParagraphStyleId { Val = style }));
        }

        if (text.Length > 0)
        {
            paragraph.Append(Run(text, false));
        }

        body.Add(paragraph);
        return this;
    }

    private static W.Run Run(string text, bool bold)
    {
        var run = new W.Run();
        if (bold)
        {
            run.Append(new W.RunProperties(new W.Bold()));
        }

        run.Append(new W.Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }

    private static W.TableRow Row(IReadOnlyList<string> cells, bool bold) =>
        new(cells.Select(cell => new W.TableCell(new W.Paragraph(Run(cell, bold)))));

    private static W.Styles Styles()
    {
        static W.Style Paragraph(string id, string name, W.StyleRunProperties run, W.StyleParagraphProperties? paragraph = null)
        {
            var style = new W.Style(new W.StyleName { Val = name }, new W.BasedOn { Val = "Normal" }, new W.PrimaryStyle())
            {
                Type = W.StyleValues.Paragraph,
                StyleId = id,
            };
            if (paragraph is not null)
            {
                style.Append(paragraph);
            }

            style.Append(run);
            return style;
        }

        var normal = new W.Style(
            new W.StyleName { Val = "Normal" },
            new W.PrimaryStyle(),
            new W.StyleParagraphProperties(new W.SpacingBetweenLines { After = "160", Line = "259", LineRule = W.LineSpacingRuleValues.Auto }),
            new W.StyleRunProperties(new W.RunFonts { Ascii = "Calibri", HighAnsi = "Calibri", ComplexScript = "Calibri" }, new W.FontSize { Val = "22" }))
        {
            Type = W.StyleValues.Paragraph,
            StyleId = "Normal",
            Default = true,
        };
        return new W.Styles(
            normal,
            Paragraph("Title", "Title", new W.StyleRunProperties(new W.Bold(), new W.FontSize { Val = "36" })),
            Paragraph("Heading1", "heading 1", new W.StyleRunProperties(new W.Bold(), new W.FontSize { Val = "28" }),
                new W.StyleParagraphProperties(new W.KeepNext(), new W.SpacingBetweenLines { Before = "240", After = "120" }, new W.OutlineLevel { Val = 0 })),
            Paragraph("Quote", "Quote", new W.StyleRunProperties(new W.Italic()),
                new W.StyleParagraphProperties(new W.Indentation { Left = "720", Right = "720" })),
            Paragraph("Code", "Code", new W.StyleRunProperties(new W.RunFonts { Ascii = "Consolas", HighAnsi = "Consolas" }, new W.FontSize { Val = "18" })),
            Paragraph("ListBullet", "List Bullet", new W.StyleRunProperties(),
                new W.StyleParagraphProperties(new W.Tabs(new W.TabStop { Val = W.TabStopValues.Left, Position = 360 }),
                    new W.Indentation { Left = "360", Hanging = "360" })));
    }
}

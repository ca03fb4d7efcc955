using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace WordRedline.Docx.Tests;

/// <summary>Builds small .docx files in code, the way Word lays them out, for the writer's fixtures.</summary>
internal static class DocBuilder
{
    public static byte[] Build(Action<MainDocumentPart, W.Body> fill, bool styles = true)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new W.Body();
            main.Document = new W.Document(body);
            if (styles)
            {
                main.AddNewPart<StyleDefinitionsPart>().Styles = new W.Styles(
                    ParagraphStyle("Normal", "Normal"),
                    ParagraphStyle("Heading1", "heading 1", new W.RunProperties(new W.Bold(), new W.FontSize { Val = "32" })),
                    ParagraphStyle("ListParagraph", "List Paragraph"));
                main.AddNewPart<DocumentSettingsPart>().Settings = new W.Settings(new W.DefaultTabStop { Val = 720 });
            }

            fill(main, body);
            if (body.LastChild is not W.SectionProperties)
            {
                body.AppendChild(new W.SectionProperties(new W.PageSize { Width = 12240U, Height = 15840U }));
            }
        }

        return stream.ToArray();
    }

    public static W.Style ParagraphStyle(string id, string name, W.RunProperties? format = null)
    {
        var style = new W.Style(new W.StyleName { Val = name }) { Type = W.StyleValues.Paragraph, StyleId = id };
        if (format is not null)
        {
            style.AppendChild(format);
        }

        return style;
    }

    public static W.Paragraph P(params OpenXmlElement[] content) => new(content);

    public static W.Paragraph StyledP(string style, params OpenXmlElement[] content)
    {
        var paragraph = new W.Paragraph(new W.ParagraphProperties(new W.ParagraphStyleId { Val = style }));
        paragraph.Append(content);
        return paragraph;
    }

    public static W.Run R(string text) => new(T(text));

    public static W.Run Bold(string text) => new(new W.RunProperties(new W.Bold()), T(text));

    public static W.Run Italic(string text) => new(new W.RunProperties(new W.Italic()), T(text));

    public static W.Text T(string text) => new(text) { Space = SpaceProcessingModeValues.Preserve };

    public static W.Hyperlink Link(MainDocumentPart main, string url, string text)
    {
        var relationship = main.AddHyperlinkRelationship(new Uri(url), isExternal: true);
        return new W.Hyperlink(new W.Run(new W.RunProperties(new W.RunStyle { Val = "Hyperlink" }, new W.Underline { Val = W.UnderlineValues.Single }), T(text)))
        {
            Id = relationship.Id,
        };
    }

    /// <summary>A complex field (begin, code, separate, result, end) as five runs.</summary>
    public static OpenXmlElement[] Field(string code, string result) =>
    [
        new W.Run(new W.FieldChar { FieldCharType = W.FieldCharValues.Begin }),
        new W.Run(new W.FieldCode(code) { Space = SpaceProcessingModeValues.Preserve }),
        new W.Run(new W.FieldChar { FieldCharType = W.FieldCharValues.Separate }),
        new W.Run(T(result)),
        new W.Run(new W.FieldChar { FieldCharType = W.FieldCharValues.End }),
    ];

    public static W.InsertedRun Inserted(string id, string author, string text) =>
        new(new W.Run(T(text))) { Id = id, Author = author, Date = new DateTime(2024, 5, 6, 7, 8, 9, DateTimeKind.Utc) };

    public static W.DeletedRun Deleted(string id, string author, string text) =>
        new(new W.Run(new W.DeletedText(text) { Space = SpaceProcessingModeValues.Preserve }))
        {
            Id = id,
            Author = author,
            Date = new DateTime(2024, 5, 6, 7, 8, 9, DateTimeKind.Utc),
        };

    public static W.Table Table(params string[][] rows)
    {
        var table = new W.Table(new W.TableProperties(new W.TableWidth { Width = "5000", Type = W.TableWidthUnitValues.Pct }));
        table.AppendChild(new W.TableGrid(rows[0].Select(_ => new W.GridColumn { Width = "4000" })));
        foreach (var row in rows)
        {
            table.AppendChild(new W.TableRow(row.Select(cell => new W.TableCell(new W.Paragraph(R(cell))))));
        }

        return table;
    }
}

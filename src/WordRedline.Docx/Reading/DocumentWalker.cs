using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace WordRedline.Docx;

/// <summary>A paragraph found by <see cref="DocumentWalker"/>: where it is, its element and its text map.</summary>
internal sealed record LocatedParagraph(
    string Path, W.Paragraph Element, DocxStory Story, bool InTable, TextLock BlockLock, FieldState FieldsAtStart,
    ParagraphMap Map)
{
    public string Hash { get; } = TextHash.Of(Map.Text);

    public string Id => $"{Path}#{Hash}";
}

/// <summary>Walks every story in document order (body; then headers, footers, footnotes, endnotes) and maps each
/// paragraph, giving it a position path such as <c>body/p[12]</c> or <c>body/tbl[0]/tr[2]/tc[1]/p[0]</c>.</summary>
internal sealed class DocumentWalker
{
    private readonly List<LocatedParagraph> found = [];
    private readonly int maxParagraphs;
    private FieldState fields = new();

    private DocumentWalker(int maxParagraphs) => this.maxParagraphs = maxParagraphs;

    public static List<LocatedParagraph> Walk(MainDocumentPart main, DocxLimits limits)
    {
        var walker = new DocumentWalker(limits.MaxParagraphs);
        walker.WalkStory(main.Document.Body!, "body", DocxStory.Body);
        foreach (var header in main.HeaderParts.OrderBy(p => p.Uri.OriginalString, StringComparer.Ordinal))
        {
            walker.WalkStory(header.Header, PartName(header), DocxStory.Header);
        }

        foreach (var footer in main.FooterParts.OrderBy(p => p.Uri.OriginalString, StringComparer.Ordinal))
        {
            walker.WalkStory(footer.Footer, PartName(footer), DocxStory.Footer);
        }

        // Separator notes have a type or an id of 0 or less; ids are read as text, as a typed .Value throws on a
        // malformed attribute.
        foreach (var note in main.FootnotesPart?.Footnotes?.Elements<W.Footnote>() ?? [])
        {
            if (note.Type is null && NoteId(note.Id) is { } id)
            {
                walker.WalkStory(note, $"footnotes/fn[{id}]", DocxStory.Footnote);
            }
        }

        foreach (var note in main.EndnotesPart?.Endnotes?.Elements<W.Endnote>() ?? [])
        {
            if (note.Type is null && NoteId(note.Id) is { } id)
            {
                walker.WalkStory(note, $"endnotes/en[{id}]", DocxStory.Endnote);
            }
        }

        return walker.found;
    }

    private static long? NoteId(IntegerValue? id) =>
        long.TryParse(id?.InnerText, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value)
            && value > 0 ? value : null;

    private static string PartName(OpenXmlPart part) => Path.GetFileNameWithoutExtension(part.Uri.OriginalString);

    private void WalkStory(OpenXmlElement? root, string path, DocxStory story)
    {
        if (root is null)
        {
            return;
        }

        fields = new FieldState();
        WalkBlocks(root, path, story, inTable: false, TextLock.None);
    }

    private void WalkBlocks(OpenXmlElement container, string path, DocxStory story, bool inTable, TextLock blockLock)
    {
        int paragraphs = 0, tables = 0, controls = 0, customXml = 0;
        foreach (var child in container.ChildElements)
        {
            switch (child)
            {
                case W.Paragraph paragraph:
                    Add(paragraph, $"{path}/p[{paragraphs++}]", story, inTable, blockLock);
                    break;
                case W.Table table:
                    WalkTable(table, $"{path}/tbl[{tables++}]", story, blockLock);
                    break;
                case W.SdtBlock sdt:
                    var sdtPath = $"{path}/sdt[{controls++}]";
                    if (sdt.SdtContentBlock is { } content)
                    {
                        WalkBlocks(content, sdtPath, story, inTable, Stronger(blockLock, ContentControls.Lock(sdt.SdtProperties)));
                    }

                    break;
                case W.CustomXmlBlock:
                    WalkBlocks(child, $"{path}/customXml[{customXml++}]", story, inTable, blockLock);
                    break;

                // Section properties, bookmarks, altChunk (opaque imported content) and the like hold no paragraphs
                // of this story.
                default:
                    break;
            }
        }
    }

    private void WalkTable(W.Table table, string path, DocxStory story, TextLock blockLock)
    {
        var rowIndex = 0;
        foreach (var row in Rows(table))
        {
            var rowPath = $"{path}/tr[{rowIndex++}]";

            // A row with a pending deletion is gone in the accepted view.
            if (row.TableRowProperties?.GetFirstChild<W.Deleted>() is not null)
            {
                continue;
            }

            var cellIndex = 0;
            foreach (var cell in Cells(row))
            {
                WalkBlocks(cell, $"{rowPath}/tc[{cellIndex++}]", story, inTable: true, blockLock);
            }
        }
    }

    private static IEnumerable<W.TableRow> Rows(OpenXmlElement container)
    {
        foreach (var child in container.ChildElements)
        {
            switch (child)
            {
                case W.TableRow row:
                    yield return row;
                    break;
                case W.SdtRow { SdtContentRow: { } content }:
                    foreach (var nested in Rows(content))
                    {
                        yield return nested;
                    }

                    break;
                case W.CustomXmlRow:
                    foreach (var nested in Rows(child))
                    {
                        yield return nested;
                    }

                    break;
                default:
                    break;
            }
        }
    }

    private static IEnumerable<W.TableCell> Cells(W.TableRow row)
    {
        foreach (var child in row.ChildElements)
        {
            switch (child)
            {
                case W.TableCell cell:
                    yield return cell;
                    break;
                case W.SdtCell { SdtContentCell: { } content }:
                    foreach (var nested in content.Elements<W.TableCell>())
                    {
                        yield return nested;
                    }

                    break;
                case W.CustomXmlCell:
                    foreach (var nested in child.Elements<W.TableCell>())
                    {
                        yield return nested;
                    }

                    break;
                default:
                    break;
            }
        }
    }

    private void Add(W.Paragraph paragraph, string path, DocxStory story, bool inTable, TextLock blockLock)
    {
        if (found.Count >= maxParagraphs)
        {
            throw new DocxRejectedException(DocxRejection.TooManyParagraphs,
                $"The document has more than {maxParagraphs} paragraphs.");
        }

        var atStart = fields.Snapshot();
        var map = ParagraphMap.Build(paragraph, fields, blockLock);
        found.Add(new LocatedParagraph(path, paragraph, story, inTable, blockLock, atStart, map));
    }

    private static TextLock Stronger(TextLock a, TextLock b) => a != TextLock.None ? a : b;
}

/// <summary>A short, stable hash of a paragraph's accepted-view text (32-bit FNV-1a over UTF-16), to notice that a
/// paragraph changed between analysis and redlining. Not a security measure.</summary>
internal static class TextHash
{
    public static string Of(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash.ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
    }
}

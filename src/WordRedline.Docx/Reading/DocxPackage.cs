using System.IO.Packaging;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;

namespace WordRedline.Docx;

/// <summary>A checked .docx opened in memory with every part the reader and writer touch already parsed, so a
/// corrupt part fails here as a <see cref="DocxRejectedException"/> and never later as a server error.</summary>
internal sealed class DocxPackage : IDisposable
{
    private readonly MemoryStream stream;

    private DocxPackage(MemoryStream stream, WordprocessingDocument document)
    {
        this.stream = stream;
        Document = document;
        Main = document.MainDocumentPart!;
    }

    public WordprocessingDocument Document { get; }

    public MainDocumentPart Main { get; }

    public static DocxPackage Open(Stream input, DocxLimits limits, bool editable)
    {
        var bytes = PackageGuard.ReadChecked(input, limits);

        // An editable package must sit on an expandable stream: new MemoryStream(byte[]) cannot grow on save.
        MemoryStream stream;
        if (editable)
        {
            stream = new MemoryStream(bytes.Length + (bytes.Length / 4));
            stream.Write(bytes);
            stream.Position = 0;
        }
        else
        {
            stream = new MemoryStream(bytes, writable: false);
        }

        WordprocessingDocument? document = null;
        try
        {
            document = WordprocessingDocument.Open(stream, editable, new OpenSettings
            {
                AutoSave = false,
                MaxCharactersInPart = limits.MaxXmlPartBytes,
            });
            if (document.MainDocumentPart is null)
            {
                throw new DocxRejectedException(DocxRejection.MissingMainPart,
                    "The Word package has no main document. It may be damaged or saved as Strict Open XML.");
            }

            Load(document.MainDocumentPart);
            return new DocxPackage(stream, document);
        }
        catch (Exception e) when (IsCorruption(e))
        {
            document?.Dispose();
            stream.Dispose();
            throw new DocxRejectedException(DocxRejection.Malformed, "The Word document is damaged and cannot be read.", e);
        }
        catch
        {
            document?.Dispose();
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Saves the package and returns its bytes. The document is disposed before the stream is read, as the
    /// SDK writes the ZIP's central directory on dispose.</summary>
    public byte[] Save()
    {
        Document.Save();
        Document.Dispose();
        return stream.ToArray();
    }

    public void Dispose()
    {
        Document.Dispose();
        stream.Dispose();
    }

    // Parts are parsed lazily; touching every root here moves all parse errors to one place.
    private static void Load(MainDocumentPart main)
    {
        if (main.Document?.Body is null)
        {
            throw new DocxRejectedException(DocxRejection.MissingMainPart, "The Word document has no body.");
        }

        foreach (var part in main.HeaderParts)
        {
            _ = part.Header;
        }

        foreach (var part in main.FooterParts)
        {
            _ = part.Footer;
        }

        _ = main.FootnotesPart?.Footnotes;
        _ = main.EndnotesPart?.Endnotes;
        _ = main.WordprocessingCommentsPart?.Comments;
        _ = main.DocumentSettingsPart?.Settings;
        _ = main.StyleDefinitionsPart?.Styles;
        _ = main.NumberingDefinitionsPart?.Numbering;
    }

    private static bool IsCorruption(Exception e) => e is XmlException or OpenXmlPackageException or InvalidDataException
        or FileFormatException or UriFormatException or IOException or NotSupportedException
        or InvalidOperationException or ArgumentException or FormatException;
}

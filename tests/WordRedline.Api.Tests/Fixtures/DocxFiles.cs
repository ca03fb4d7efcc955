using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace WordRedline.Api.Tests.Fixtures;

/// <summary>Word files built in code for the upload endpoints: real ones made with the Open XML SDK, and hostile or
/// wrong ones made from them byte by byte.</summary>
internal static class DocxFiles
{
    public const string DocxContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>A .docx with one paragraph per text and a Heading1 style, the way Word saves a simple document.</summary>
    public static byte[] Document(IEnumerable<string> paragraphs, WordprocessingDocumentType type = WordprocessingDocumentType.Document)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, type))
        {
            var main = document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = new W.Styles(
                new W.Style(new W.StyleName { Val = "Normal" }) { Type = W.StyleValues.Paragraph, StyleId = "Normal" },
                new W.Style(new W.StyleName { Val = "heading 1" }) { Type = W.StyleValues.Paragraph, StyleId = "Heading1" });
            var body = new W.Body(paragraphs.Select(text => new W.Paragraph(new W.Run(new W.Text(text) { Space = SpaceProcessingModeValues.Preserve }))));
            body.Append(new W.SectionProperties(new W.PageSize { Width = 12240U, Height = 15840U }));
            main.Document = new W.Document(body);
        }

        return stream.ToArray();
    }

    public static byte[] Contract() => Document(Contracts.DesignAgreement);

    public static byte[] NotZip() => Encoding.UTF8.GetBytes("DESIGN SERVICES AGREEMENT\nThis is a text file renamed to .docx.");

    public static byte[] MacroEnabled() => Document(Contracts.DesignAgreement, WordprocessingDocumentType.MacroEnabledDocument);

    public static byte[] Template() => Document(Contracts.DesignAgreement, WordprocessingDocumentType.Template);

    /// <summary>An OLE compound file header, as Word writes both password-protected .docx files and .doc files; the
    /// encrypted one names its "EncryptedPackage" stream (UTF-16) in the directory.</summary>
    public static byte[] Ole(bool encrypted)
    {
        byte[] header = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        var directory = encrypted ? Encoding.Unicode.GetBytes("EncryptedPackage") : Encoding.Unicode.GetBytes("WordDocument");
        return [.. header, .. new byte[504], .. directory, .. new byte[512]];
    }

    /// <summary>A valid package with word/document.xml removed: the relationship points at nothing.</summary>
    public static byte[] MissingMainPart() => Rewrite(Contract(), (name, content) => name == "word/document.xml" ? null : content);

    /// <summary>The classic XXE: the main part declares an external entity and uses it.</summary>
    public static byte[] ExternalEntity() => Rewrite(Contract(), (name, content) => name != "word/document.xml" ? content :
        Encoding.UTF8.GetBytes("""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>
            """));

    /// <summary>A small file whose extra XML part inflates past the 48 MB part limit.</summary>
    public static byte[] ZipBomb() => Rewrite(Contract(), (_, content) => content,
        ("word/padding.xml", Encoding.ASCII.GetBytes(new string('a', 49 * 1024 * 1024))));

    /// <summary>A valid package padded with an incompressible binary entry, to pass a body-size limit.</summary>
    public static byte[] Padded(int paddingBytes)
    {
        var padding = new byte[paddingBytes];
        new Random(7).NextBytes(padding);
        return Rewrite(Contract(), (_, content) => content, ("word/media/padding.bin", padding));
    }

    /// <summary>The hostile or wrong file whose rejection code is <paramref name="code"/>.</summary>
    public static byte[] Hostile(string code) => code switch
    {
        "not-a-zip" => NotZip(),
        "macro-enabled" => MacroEnabled(),
        "template" => Template(),
        "encrypted" => Ole(encrypted: true),
        "legacy-doc" => Ole(encrypted: false),
        "missing-main-part" => MissingMainPart(),
        "dtd-forbidden" => ExternalEntity(),
        "zip-bomb" => ZipBomb(),
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, null),
    };

    /// <summary>A multipart form with the file under "file" and the given text fields.</summary>
    public static MultipartFormDataContent Form(byte[]? file, string fileName = "contract.docx", params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        if (file is not null)
        {
            var content = new ByteArrayContent(file);
            content.Headers.ContentType = new MediaTypeHeaderValue(DocxContentType);
            form.Add(content, "file", fileName);
        }

        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        return form;
    }

    private static byte[] Rewrite(byte[] docx, Func<string, byte[], byte[]?> change, params (string Name, byte[] Content)[] extra)
    {
        using var output = new MemoryStream();
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        using (var source = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read))
        {
            foreach (var entry in source.Entries)
            {
                using var read = new MemoryStream();
                using (var stream = entry.Open())
                {
                    stream.CopyTo(read);
                }

                if (change(entry.FullName, read.ToArray()) is { } content)
                {
                    Write(target, entry.FullName, content);
                }
            }

            foreach (var (name, content) in extra)
            {
                Write(target, name, content);
            }
        }

        return output.ToArray();
    }

    private static void Write(ZipArchive zip, string name, byte[] content)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
        stream.Write(content);
    }
}

using System.IO.Compression;
using System.Xml.Linq;

namespace WordRedline.Docx.Tests;

/// <summary>Reads parts of a saved package with LINQ to XML, for assertions on the exact markup.</summary>
internal static class Package
{
    public static readonly XNamespace W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    public static XDocument Part(byte[] docx, string name)
    {
        using var zip = new ZipArchive(new MemoryStream(docx));
        var entry = zip.GetEntry(name) ?? throw new AssertFailedException($"The package has no {name}.");
        using var stream = entry.Open();
        return XDocument.Load(stream);
    }

    public static bool HasPart(byte[] docx, string name)
    {
        using var zip = new ZipArchive(new MemoryStream(docx));
        return zip.GetEntry(name) is not null;
    }

    public static XElement Body(byte[] docx) => Part(docx, "word/document.xml").Root!.Element(W + "body")!;

    public static string? Attr(XElement element, string name) => (string?)element.Attribute(W + name);
}

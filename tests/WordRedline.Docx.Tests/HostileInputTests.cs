using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using static WordRedline.Docx.Tests.DocBuilder;

namespace WordRedline.Docx.Tests;

/// <summary>Every hostile or wrong upload is refused with its own reason and a message fit for the user, before
/// the SDK parses anything big, and never as a server error.</summary>
[TestClass]
public sealed class HostileInputTests
{
    private const string Secret = "Confidential fee schedule 123456";

    private static readonly byte[] Valid = Build((main, body) => body.Append(P(R(Secret))));

    [TestMethod]
    public void Read_PlainText_NotZip() => AssertRejected(DocxRejection.NotZip, Encoding.UTF8.GetBytes("This is not a Word document."));

    [TestMethod]
    public void Read_Empty_NotZip() => AssertRejected(DocxRejection.NotZip, []);

    [TestMethod]
    public void Read_HundredMegabyteUpload_TooLargeWithoutReadingItAll()
    {
        using var upload = new Unseekable(new RepeatingStream(100L * 1024 * 1024));

        var e = Assert.ThrowsExactly<DocxRejectedException>(() => DocxReader.Read(upload));

        Assert.AreEqual(DocxRejection.TooLarge, e.Reason);
        Assert.IsLessThanOrEqualTo(DocxLimits.Default.MaxFileBytes + 81920, upload.Read0);
    }

    [TestMethod]
    public void Read_ExpandsBeyondLimit_ZipBomb()
    {
        var bomb = Zip.Create([.. Zip.Entries(Valid), ("word/media/padding.bin", new byte[20 * 1024 * 1024])]);

        AssertRejected(DocxRejection.ZipBomb, bomb, new DocxLimits { MaxExpandedBytes = 10 * 1024 * 1024 });
    }

    [TestMethod]
    public void Read_PartDeclaringTooSmallSize_Malformed()
    {
        // .NET stops inflating at the declared size, so a lying entry cannot expand past it; what it yields is cut off.
        var lying = (byte[])Valid.Clone();
        LieAboutSizes(lying, "word/document.xml");

        AssertRejected(DocxRejection.Malformed, lying);
    }

    [TestMethod]
    public void Read_HugeXmlPart_ZipBomb()
    {
        var huge = Zip.Replace(Valid, "word/document.xml", xml => xml.Replace(Secret, new string('x', 2 * 1024 * 1024), StringComparison.Ordinal));

        AssertRejected(DocxRejection.ZipBomb, huge, new DocxLimits { MaxXmlPartBytes = 1024 * 1024 });
    }

    [TestMethod]
    public void Read_ThousandsOfEntries_TooManyEntries()
    {
        var many = Zip.Create([.. Zip.Entries(Valid), .. Enumerable.Range(0, 2_100).Select(i => ($"customXml/item{i}.bin", new byte[1]))]);

        AssertRejected(DocxRejection.TooManyEntries, many);
    }

    [TestMethod]
    public void Read_MacroEnabledDocument_MacroEnabled() =>
        AssertRejected(DocxRejection.MacroEnabled, Create(WordprocessingDocumentType.MacroEnabledDocument));

    [TestMethod]
    public void Read_MacroEnabledTemplate_MacroEnabled() =>
        AssertRejected(DocxRejection.MacroEnabled, Create(WordprocessingDocumentType.MacroEnabledTemplate));

    [TestMethod]
    public void Read_Template_Template() => AssertRejected(DocxRejection.Template, Create(WordprocessingDocumentType.Template));

    [TestMethod]
    public void Read_EncryptedOleFile_Encrypted() => AssertRejected(DocxRejection.Encrypted, OleFile(withEncryptedPackage: true));

    [TestMethod]
    public void Read_LegacyDoc_LegacyDoc() => AssertRejected(DocxRejection.LegacyDoc, OleFile(withEncryptedPackage: false));

    [TestMethod]
    public void Read_NoMainDocumentPart_MissingMainPart()
    {
        var entries = Zip.Entries(Valid).Where(e => e.Name != "word/document.xml").ToList();

        AssertRejected(DocxRejection.MissingMainPart, Zip.Create(entries));
    }

    [TestMethod]
    public void Read_Workbook_NotWordDocument()
    {
        var workbook = Zip.Create([("[Content_Types].xml", Encoding.UTF8.GetBytes(
            "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/></Types>"))]);

        AssertRejected(DocxRejection.NotWordDocument, workbook);
    }

    [TestMethod]
    public void Read_AnyOtherZip_NotWordDocument() =>
        AssertRejected(DocxRejection.NotWordDocument, Zip.Create([("readme.txt", Encoding.UTF8.GetBytes("hello"))]));

    [TestMethod]
    public void Read_ExternalEntityInDocument_DtdForbidden()
    {
        var xxe = Zip.Replace(Valid, "word/document.xml", xml => xml.Replace("<w:document",
            "<!DOCTYPE w:document [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]><w:document", StringComparison.Ordinal)
            .Replace(Secret, "&secret;", StringComparison.Ordinal));

        AssertRejected(DocxRejection.DtdForbidden, xxe);
    }

    [TestMethod]
    public void Read_EntityExpansionInContentTypes_DtdForbidden()
    {
        var laughs = Zip.Replace(Valid, "[Content_Types].xml", xml => xml.Replace("<Types",
            "<!DOCTYPE Types [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><Types", StringComparison.Ordinal));

        AssertRejected(DocxRejection.DtdForbidden, laughs);
    }

    [TestMethod]
    public void Read_BrokenXml_Malformed() =>
        AssertRejected(DocxRejection.Malformed, Zip.Replace(Valid, "word/document.xml", xml => xml.Replace("</w:body>", "", StringComparison.Ordinal)));

    [TestMethod]
    public void Read_TruncatedZip_Malformed() => AssertRejected(DocxRejection.Malformed, Valid[..(Valid.Length / 2)]);

    [TestMethod]
    public void Read_TooManyParagraphs_TooManyParagraphs()
    {
        var many = Build((main, body) => body.Append(Enumerable.Range(0, 50).Select(i => P(R($"Clause {i}.")))));

        AssertRejected(DocxRejection.TooManyParagraphs, many, new DocxLimits { MaxParagraphs = 40 });
    }

    [TestMethod]
    public void Redline_HostileInput_SameRejectionAsRead()
    {
        var analysis = new AnalysisBuilder(Valid).Build();

        var e = Assert.ThrowsExactly<DocxRejectedException>(() => DocxRedliner.Redline(new MemoryStream(Create(WordprocessingDocumentType.Template)), analysis));

        Assert.AreEqual("template", e.Code);
    }

    [TestMethod]
    public void Read_NonSeekableStream_ReadsTheDocument()
    {
        var document = DocxReader.Read(new Unseekable(new MemoryStream(Valid)));

        Assert.AreEqual(Secret, document.Paragraphs.Single().Text);
    }

    private static void AssertRejected(DocxRejection reason, byte[] input, DocxLimits? limits = null)
    {
        var e = Assert.ThrowsExactly<DocxRejectedException>(() => DocxReader.Read(new MemoryStream(input), limits));

        Assert.AreEqual(reason, e.Reason, e.Message);
        Assert.IsFalse(string.IsNullOrWhiteSpace(e.Message));
        Assert.DoesNotContain(Secret, e.Message);
    }

    private static byte[] Create(WordprocessingDocumentType type)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, type))
        {
            document.AddMainDocumentPart().Document = new DocumentFormat.OpenXml.Wordprocessing.Document(
                new DocumentFormat.OpenXml.Wordprocessing.Body(P(R(Secret))));
        }

        return stream.ToArray();
    }

    // An OLE compound file header followed by a directory that names (or not) the stream an encrypted OOXML file keeps.
    private static byte[] OleFile(bool withEncryptedPackage)
    {
        var bytes = new byte[4096];
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(bytes, 0);
        Encoding.Unicode.GetBytes(withEncryptedPackage ? "EncryptedPackage" : "WordDocument").CopyTo(bytes, 1024);
        return bytes;
    }

    // Rewrites the entry's uncompressed size in its local header and central directory record to 100 bytes.
    private static void LieAboutSizes(byte[] zip, string name)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        for (var i = 0; i + 46 < zip.Length; i++)
        {
            var local = BitConverter.ToUInt32(zip, i) == 0x04034b50 && zip.AsSpan(i + 30, nameBytes.Length).SequenceEqual(nameBytes);
            var central = BitConverter.ToUInt32(zip, i) == 0x02014b50 && zip.AsSpan(i + 46, nameBytes.Length).SequenceEqual(nameBytes);
            if (local)
            {
                BitConverter.GetBytes(100u).CopyTo(zip, i + 22);
            }

            if (central)
            {
                BitConverter.GetBytes(100u).CopyTo(zip, i + 24);
            }
        }
    }

    /// <summary>A stream of zeros of a given length, produced on demand.</summary>
    private sealed class RepeatingStream(long length) : Stream
    {
        private long position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - position);
            Array.Clear(buffer, offset, n);
            position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>Hides seeking, as an HTTP request body does, and counts what was read.</summary>
    private sealed class Unseekable(Stream inner) : Stream
    {
        public long Read0 { get; private set; }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = inner.Read(buffer, offset, count);
            Read0 += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}

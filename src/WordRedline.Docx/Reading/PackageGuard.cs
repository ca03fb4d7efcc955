using System.IO.Compression;
using System.Xml;

namespace WordRedline.Docx;

/// <summary>Checks an upload before the Open XML SDK sees it: size, kind of file, ZIP structure, expanded size
/// (counted while decompressing), the main part's content type and DTDs in every XML part.</summary>
internal static class PackageGuard
{
    private const string MainDocument = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    private const string Template = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml";
    private const string MacroDocument = "application/vnd.ms-word.document.macroEnabled.main+xml";
    private const string MacroTemplate = "application/vnd.ms-word.template.macroEnabledTemplate.main+xml";
    private const string VbaProject = "application/vnd.ms-office.vbaProject";
    private const string OfficeDocumentRelationship = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";

    // The prolog (where a DTD would be) of any real part fits in the first 64 KB.
    private const int PrologBytes = 64 * 1024;

    private static readonly byte[] OleSignature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    // "EncryptedPackage" as UTF-16LE: the stream name an encrypted OOXML file keeps in its OLE directory.
    private static readonly byte[] EncryptedPackageName = System.Text.Encoding.Unicode.GetBytes("EncryptedPackage");

    private static readonly XmlReaderSettings ProhibitDtd = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        CloseInput = false,
    };

    private static readonly XmlReaderSettings IgnoreDtd = new()
    {
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        CloseInput = false,
    };

    /// <summary>Reads the whole input (at most <see cref="DocxLimits.MaxFileBytes"/>) and checks it.</summary>
    public static byte[] ReadChecked(Stream input, DocxLimits limits)
    {
        ArgumentNullException.ThrowIfNull(input);
        var bytes = ReadCapped(input, limits.MaxFileBytes);
        Check(bytes, limits);
        return bytes;
    }

    private static byte[] ReadCapped(Stream input, long max)
    {
        if (input.CanSeek && input.Length - input.Position > max)
        {
            throw TooLarge(max);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = input.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > max)
            {
                throw TooLarge(max);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static void Check(byte[] bytes, DocxLimits limits)
    {
        if (bytes.AsSpan().StartsWith(OleSignature))
        {
            throw bytes.AsSpan().IndexOf(EncryptedPackageName) >= 0
                ? new DocxRejectedException(DocxRejection.Encrypted,
                    "The document is password-protected. Remove the password in Word and upload it again.")
                : new DocxRejectedException(DocxRejection.LegacyDoc,
                    "This is a Word 97-2003 .doc file. Save it as a Word Document (.docx) and upload it again.");
        }

        // A local file header ("PK\x03\x04") starts every non-empty ZIP.
        if (bytes.Length < 4 || bytes[0] != 'P' || bytes[1] != 'K' || bytes[2] != 3 || bytes[3] != 4)
        {
            throw new DocxRejectedException(DocxRejection.NotZip, "The file is not a Word document (.docx).");
        }

        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            CheckEntries(zip, limits);
        }
        catch (InvalidDataException e)
        {
            throw new DocxRejectedException(DocxRejection.Malformed, "The file is a damaged ZIP package.", e);
        }
    }

    private static void CheckEntries(ZipArchive zip, DocxLimits limits)
    {
        var entries = zip.Entries;
        if (entries.Count > limits.MaxEntries)
        {
            throw new DocxRejectedException(DocxRejection.TooManyEntries,
                $"The package has more than {limits.MaxEntries} entries.");
        }

        string? contentTypes = null;
        byte[]? packageRelationships = null;
        var expanded = 0L;
        foreach (var entry in entries)
        {
            var isXml = entry.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)
                || entry.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase);
            var partLimit = isXml ? limits.MaxXmlPartBytes : limits.MaxExpandedBytes;
            var keepAll = entry.FullName is "[Content_Types].xml" or "_rels/.rels";
            using var content = new MemoryStream();
            expanded += Inflate(entry, content, keepAll ? int.MaxValue : isXml ? PrologBytes : 0, partLimit,
                limits.MaxExpandedBytes - expanded);
            if (isXml)
            {
                content.Position = 0;
                CheckNoDtd(content, entry.FullName);
            }

            if (keepAll)
            {
                if (entry.FullName == "_rels/.rels")
                {
                    packageRelationships = content.ToArray();
                }
                else
                {
                    contentTypes = System.Text.Encoding.UTF8.GetString(content.GetBuffer(), 0, (int)content.Length);
                }
            }
        }

        CheckKind(contentTypes);
        CheckMainPart(packageRelationships, entries);
    }

    /// <summary>The package relationship to the main document must point at an entry that exists.</summary>
    private static void CheckMainPart(byte[]? relationships, IEnumerable<ZipArchiveEntry> entries)
    {
        string? target = null;
        if (relationships is not null)
        {
            try
            {
                using var reader = XmlReader.Create(new MemoryStream(relationships), ProhibitDtd);
                while (target is null && reader.Read())
                {
                    if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Relationship"
                        && reader.GetAttribute("Type") == OfficeDocumentRelationship)
                    {
                        target = reader.GetAttribute("Target");
                    }
                }
            }
            catch (XmlException e)
            {
                throw new DocxRejectedException(DocxRejection.Malformed, "The package part _rels/.rels is not well-formed XML.", e);
            }
        }

        var name = target is null ? null : Uri.UnescapeDataString(target).TrimStart('/');
        if (name is null || !entries.Any(e => string.Equals(e.FullName, name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new DocxRejectedException(DocxRejection.MissingMainPart,
                "The Word package has no main document. It may be damaged or saved as Strict Open XML.");
        }
    }

    /// <summary>Decompresses an entry, counting real bytes; keeps the first <paramref name="keepBytes"/> of them.</summary>
    private static long Inflate(ZipArchiveEntry entry, MemoryStream keep, int keepBytes, long partLimit, long totalLeft)
    {
        using var source = entry.Open();
        var chunk = new byte[81920];
        long total = 0;
        int read;
        while ((read = source.Read(chunk, 0, chunk.Length)) > 0)
        {
            total += read;
            if (total > partLimit || total > totalLeft)
            {
                throw new DocxRejectedException(DocxRejection.ZipBomb,
                    "The package expands to more data than a Word document plausibly holds.");
            }

            if (keep.Length < keepBytes)
            {
                keep.Write(chunk, 0, (int)Math.Min(read, keepBytes - keep.Length));
            }
        }

        return total;
    }

    private static void CheckNoDtd(MemoryStream content, string name)
    {
        if (content.Length == 0)
        {
            return;
        }

        try
        {
            ReadProlog(content, ProhibitDtd);
        }
        catch (XmlException e)
        {
            // The same prolog read with DTDs ignored tells a DTD from plain corruption.
            content.Position = 0;
            if (TryReadProlog(content))
            {
                throw new DocxRejectedException(DocxRejection.DtdForbidden,
                    "The document contains a DTD, which Word documents never need; it was refused for safety.", e);
            }

            throw new DocxRejectedException(DocxRejection.Malformed, $"The package part {name} is not well-formed XML.", e);
        }
    }

    // A DTD can only come before the root element, so the prolog is all that needs reading.
    private static void ReadProlog(Stream content, XmlReaderSettings settings)
    {
        using var reader = XmlReader.Create(content, settings);
        while (reader.Read() && reader.NodeType != XmlNodeType.Element)
        {
        }
    }

    private static bool TryReadProlog(Stream content)
    {
        try
        {
            ReadProlog(content, IgnoreDtd);
            return true;
        }
        catch (XmlException)
        {
            return false;
        }
    }

    private static void CheckKind(string? contentTypes)
    {
        if (contentTypes is null)
        {
            throw new DocxRejectedException(DocxRejection.NotWordDocument, "The file is a ZIP archive, not a Word document.");
        }

        if (contentTypes.Contains(MacroDocument, StringComparison.OrdinalIgnoreCase)
            || contentTypes.Contains(MacroTemplate, StringComparison.OrdinalIgnoreCase)
            || contentTypes.Contains(VbaProject, StringComparison.OrdinalIgnoreCase))
        {
            throw new DocxRejectedException(DocxRejection.MacroEnabled,
                "Macro-enabled Word files (.docm, .dotm) are not accepted. Save the document as a Word Document (.docx).");
        }

        if (contentTypes.Contains(Template, StringComparison.OrdinalIgnoreCase))
        {
            throw new DocxRejectedException(DocxRejection.Template,
                "Word templates (.dotx) are not accepted. Create a document from the template and upload that.");
        }

        if (!contentTypes.Contains(MainDocument, StringComparison.OrdinalIgnoreCase))
        {
            throw new DocxRejectedException(DocxRejection.NotWordDocument, "The file is an Office package but not a Word document.");
        }
    }

    private static DocxRejectedException TooLarge(long max) => new(DocxRejection.TooLarge,
        $"The file is larger than {max / (1024 * 1024)} MB.");
}

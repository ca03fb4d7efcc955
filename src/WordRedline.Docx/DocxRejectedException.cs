using System.Text.Json.Serialization;

namespace WordRedline.Docx;

/// <summary>Why an upload was refused before or while parsing it. Every reason is the caller's input, never a
/// server fault: the API answers 4xx (413 for <see cref="TooLarge"/>, 415 for the wrong kind of file, 400 else).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DocxRejection>))]
public enum DocxRejection
{
    /// <summary>Not a ZIP package at all (or an empty one).</summary>
    [JsonStringEnumMemberName("not-a-zip")] NotZip,

    /// <summary>The file is larger than <see cref="DocxLimits.MaxFileBytes"/>.</summary>
    [JsonStringEnumMemberName("too-large")] TooLarge,

    /// <summary>The package expands beyond <see cref="DocxLimits.MaxExpandedBytes"/> or a part beyond
    /// <see cref="DocxLimits.MaxXmlPartBytes"/>.</summary>
    [JsonStringEnumMemberName("zip-bomb")] ZipBomb,

    /// <summary>The package holds more than <see cref="DocxLimits.MaxEntries"/> entries.</summary>
    [JsonStringEnumMemberName("too-many-entries")] TooManyEntries,

    /// <summary>A password-protected (encrypted) Word file, stored as an OLE compound file.</summary>
    [JsonStringEnumMemberName("encrypted")] Encrypted,

    /// <summary>A Word 97-2003 .doc (OLE compound file).</summary>
    [JsonStringEnumMemberName("legacy-doc")] LegacyDoc,

    /// <summary>A macro-enabled document or template (.docm, .dotm).</summary>
    [JsonStringEnumMemberName("macro-enabled")] MacroEnabled,

    /// <summary>A Word template (.dotx).</summary>
    [JsonStringEnumMemberName("template")] Template,

    /// <summary>A ZIP package that is not a Word document (a workbook, a presentation, any other ZIP).</summary>
    [JsonStringEnumMemberName("not-a-word-document")] NotWordDocument,

    /// <summary>A Word package whose main document part is missing or unreadable.</summary>
    [JsonStringEnumMemberName("missing-main-part")] MissingMainPart,

    /// <summary>An XML part declares a DTD (the vehicle of external-entity and entity-expansion attacks).</summary>
    [JsonStringEnumMemberName("dtd-forbidden")] DtdForbidden,

    /// <summary>The package or one of its XML parts is corrupt.</summary>
    [JsonStringEnumMemberName("malformed")] Malformed,

    /// <summary>The document has more paragraphs than <see cref="DocxLimits.MaxParagraphs"/>.</summary>
    [JsonStringEnumMemberName("too-many-paragraphs")] TooManyParagraphs,
}

/// <summary>The input is not a .docx this service will open. <see cref="Exception.Message"/> is safe to show the
/// user: it names the problem, never the document's content.</summary>
public sealed class DocxRejectedException : Exception
{
    public DocxRejectedException(DocxRejection reason, string message, Exception? innerException = null)
        : base(message, innerException) => Reason = reason;

    public DocxRejection Reason { get; }

    /// <summary>The stable kebab-case code of <see cref="Reason"/> ("zip-bomb"), for problem details and logs.</summary>
    public string Code => Reason switch
    {
        DocxRejection.NotZip => "not-a-zip",
        DocxRejection.TooLarge => "too-large",
        DocxRejection.ZipBomb => "zip-bomb",
        DocxRejection.TooManyEntries => "too-many-entries",
        DocxRejection.Encrypted => "encrypted",
        DocxRejection.LegacyDoc => "legacy-doc",
        DocxRejection.MacroEnabled => "macro-enabled",
        DocxRejection.Template => "template",
        DocxRejection.NotWordDocument => "not-a-word-document",
        DocxRejection.MissingMainPart => "missing-main-part",
        DocxRejection.DtdForbidden => "dtd-forbidden",
        DocxRejection.Malformed => "malformed",
        DocxRejection.TooManyParagraphs => "too-many-paragraphs",
        _ => throw new InvalidOperationException($"Unknown rejection {Reason}."),
    };
}

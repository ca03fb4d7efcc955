using System.Text.Json.Serialization;
using WordRedline.Core;

namespace WordRedline.Docx;

/// <summary>The story a paragraph belongs to. Only the body is redlined; the other stories are read so their
/// clauses are found, but Word cannot anchor comments there.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DocxStory>))]
public enum DocxStory
{
    [JsonStringEnumMemberName("body")] Body,
    [JsonStringEnumMemberName("header")] Header,
    [JsonStringEnumMemberName("footer")] Footer,
    [JsonStringEnumMemberName("footnote")] Footnote,
    [JsonStringEnumMemberName("endnote")] Endnote,
}

/// <summary>One paragraph of a .docx in document order.</summary>
/// <param name="Id">Position path and text hash, e.g. <c>body/p[12]#1f2e3d4c</c> or
/// <c>body/tbl[0]/tr[2]/tc[1]/p[0]#...</c>: stable for the same bytes, and the hash lets the redliner refuse an
/// analysis made on different text.</param>
/// <param name="Text">The accepted view: what Word shows after "Accept all" (pending deletions and field codes
/// left out; insertions, hyperlink text, content-control text and field results kept). Tabs are <c>\t</c>, line
/// breaks <c>\n</c>.</param>
/// <param name="Story">Where the paragraph lives.</param>
/// <param name="Redlinable">True for the body; header, footer and note paragraphs are reported, never edited.</param>
/// <param name="Style">The paragraph style id (<c>Heading1</c>), or null for the default style.</param>
/// <param name="InTable">True inside a table cell.</param>
public sealed record DocxParagraph(string Id, string Text, DocxStory Story, bool Redlinable, string? Style, bool InTable);

/// <summary>What <see cref="DocxReader"/> found in a .docx.</summary>
public sealed record DocxDocument(IReadOnlyList<DocxParagraph> Paragraphs)
{
    /// <summary>The engine's request: every paragraph with text, ids as in <see cref="DocxParagraph.Id"/>.</summary>
    public AnalyzeRequest ToAnalyzeRequest(string? party = null, string? playbook = null) => new()
    {
        Paragraphs = [.. Paragraphs.Where(p => !string.IsNullOrWhiteSpace(p.Text)).Select(p => new ParagraphInput(p.Id, p.Text))],
        Party = party,
        Playbook = playbook,
    };
}

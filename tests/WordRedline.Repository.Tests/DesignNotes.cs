using System.Text.RegularExpressions;

namespace WordRedline.Repository.Tests;

/// <summary>The design notes in docs/ and what cites them. Code cites a section as <c>docs/ooxml.md §Lint</c> (several
/// sections of one note: <c>docs/ooxml.md §Revision ids, §Comments</c>); Markdown links to one as
/// <c>[...](docs/ooxml.md#lint)</c>.</summary>
internal static partial class DesignNotes
{
    [GeneratedRegex(@"docs/([\w.-]+\.md)((?:[^\n§]*?§[^\n§]+)*)")]
    private static partial Regex Citation();

    [GeneratedRegex(@"\]\(((?:docs/)?[\w.-]+\.md)#([\w-]+)\)")]
    private static partial Regex AnchorLink();

    /// <summary>The headings of a note (<c>## Search</c> gives <c>Search</c>).</summary>
    public static IReadOnlyList<string> Headings(string note) =>
        [.. note.Split('\n').Where(l => l.StartsWith("##", StringComparison.Ordinal)).Select(l => l.TrimStart('#').Trim())];

    /// <summary>GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens.</summary>
    public static string Anchor(string heading) =>
        string.Concat(heading.ToLowerInvariant().Where(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_')).Replace(' ', '-');

    /// <summary>Each citation in <paramref name="text"/>: the note's file name and the text after each <c>§</c> that
    /// follows it on its line (the section's heading must start it), or null when it names no section.</summary>
    public static IEnumerable<(string Note, string? Section)> Citations(string text) =>
        Citation().Matches(text).SelectMany(m => m.Groups[2].Value.Split('§').Skip(1) is var sections && sections.Any()
            ? sections.Select(section => (m.Groups[1].Value, (string?)section))
            : [(m.Groups[1].Value, null)]);

    /// <summary>Each Markdown link to a note's section: the note's path as written and the anchor.</summary>
    public static IEnumerable<(string Note, string Anchor)> AnchorLinks(string markdown) =>
        AnchorLink().Matches(markdown).Select(m => (m.Groups[1].Value, m.Groups[2].Value));

    /// <summary>True when <paramref name="section"/> starts with one of the headings, as a whole word.</summary>
    public static bool Names(IReadOnlyList<string> headings, string section) =>
        headings.Any(h => section.StartsWith(h, StringComparison.Ordinal) && (section.Length == h.Length || !char.IsLetterOrDigit(section[h.Length])));
}

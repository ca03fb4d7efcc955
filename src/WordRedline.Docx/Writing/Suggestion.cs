using WordRedline.Core;

namespace WordRedline.Docx;

/// <summary>One suggestion for one paragraph: the engine's edits, the word-level changes it computed from them (what
/// the writer applies, never a diff of its own), and the note that goes into the document beside them.</summary>
internal sealed record Suggestion(string Id, string ParagraphId, IReadOnlyList<Edit> Edits, IReadOnlyList<Edit> Changes, string Comment)
{
    public static Suggestion From(Finding finding) => new(finding.Id, finding.ParagraphId, finding.Edits, finding.Changes, finding.Comment);

    /// <summary>The changes as hunks on <paramref name="text"/>, or why they cannot be applied. An analysis without
    /// word-level changes (made before the engine computed them, or by hand) has its edits applied as they are.</summary>
    public (List<Hunk>? Hunks, string? Problem) Plan(string text)
    {
        var edits = Sorted(Edits);
        var changes = Changes.Count > 0 ? Sorted(Changes) : edits;
        if (!Valid(edits, text) || !Valid(changes, text))
        {
            return (null, "An edit lies outside the paragraph, splits a character or overlaps another edit of the same suggestion.");
        }

        if (!string.Equals(Apply(text, edits), Apply(text, changes), StringComparison.Ordinal))
        {
            return (null, "The word-level changes do not give the text of the edits; the analysis is inconsistent.");
        }

        var hunks = changes
            .Where(c => !text.AsSpan(c.Start, c.Length).SequenceEqual(c.Replacement))
            .Select(c => new Hunk(c.Start, c.Length, c.Replacement)).ToList();
        return hunks.Count == 0 ? (null, "The edits do not change the text.") : (hunks, null);
    }

    private static List<Edit> Sorted(IReadOnlyList<Edit> edits) => [.. edits.OrderBy(e => e.Start).ThenBy(e => e.Length)];

    private static bool Valid(List<Edit> edits, string text)
    {
        var end = 0;
        foreach (var edit in edits)
        {
            if (edit.Start < end || edit.Length < 0 || edit.Start + (long)edit.Length > text.Length || edit.Replacement is null
                || SplitsPair(text, edit.Start) || SplitsPair(text, edit.Start + edit.Length))
            {
                return false;
            }

            end = edit.Start + edit.Length;
        }

        return true;
    }

    private static string Apply(string text, List<Edit> edits)
    {
        var result = new System.Text.StringBuilder(text.Length);
        var at = 0;
        foreach (var edit in edits)
        {
            result.Append(text, at, edit.Start - at).Append(edit.Replacement);
            at = edit.Start + edit.Length;
        }

        return result.Append(text, at, text.Length - at).ToString();
    }

    // An offset between the two halves of a surrogate pair would leave half a character behind.
    private static bool SplitsPair(string text, int offset) =>
        offset > 0 && offset < text.Length && char.IsHighSurrogate(text[offset - 1]) && char.IsLowSurrogate(text[offset]);
}

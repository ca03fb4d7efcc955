namespace WordRedline.Docx.Tests;

internal static class Text
{
    /// <summary>Whitespace (spaces, tabs, breaks, non-breaking spaces) collapsed to one space, ends trimmed.</summary>
    public static string Normalize(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

/// <summary>A paragraph as a reader renders it: its list label ("7.6.", "(a)", empty when it has none) and its
/// whitespace-normalized text.</summary>
internal sealed record Labeled(string Label, string Text)
{
    public override string ToString() => $"{Label}|{Text}";
}

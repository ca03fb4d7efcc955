namespace WordRedline.Docx;

/// <summary>Reads a .docx into paragraphs for the clause engine.</summary>
public static class DocxReader
{
    /// <summary>Reads every story's paragraphs in document order. Throws <see cref="DocxRejectedException"/> for any
    /// input that is not a safe, readable .docx within <paramref name="limits"/>; reads at most
    /// <see cref="DocxLimits.MaxFileBytes"/> from <paramref name="input"/>, which need not be seekable.</summary>
    public static DocxDocument Read(Stream input, DocxLimits? limits = null)
    {
        limits ??= DocxLimits.Default;
        using var package = DocxPackage.Open(input, limits, editable: false);
        return new DocxDocument([.. DocumentWalker.Walk(package.Main, limits).Select(ToParagraph)]);
    }

    internal static DocxParagraph ToParagraph(LocatedParagraph p) => new(
        p.Id, p.Map.Text, p.Story, p.Story == DocxStory.Body, p.Element.ParagraphProperties?.ParagraphStyleId?.Val?.Value, p.InTable);
}

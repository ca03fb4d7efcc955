namespace WordRedline.Docx;

/// <summary>Caps checked before and while parsing, so a hostile upload costs bounded memory and time.</summary>
public sealed record DocxLimits
{
    /// <summary>The defaults: generous for any real contract (a 100-page contract is well under 1 MB).</summary>
    public static DocxLimits Default { get; } = new();

    /// <summary>Largest accepted file.</summary>
    public long MaxFileBytes { get; init; } = 32L * 1024 * 1024;

    /// <summary>Largest total size of all entries once decompressed, counted while decompressing (declared sizes
    /// in a ZIP can lie).</summary>
    public long MaxExpandedBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>Largest single XML part once decompressed; the parsed DOM costs several times this.</summary>
    public long MaxXmlPartBytes { get; init; } = 48L * 1024 * 1024;

    /// <summary>Most entries in the package.</summary>
    public int MaxEntries { get; init; } = 2_000;

    /// <summary>Most paragraphs over all stories (the API's analyze limit has the same default).</summary>
    public int MaxParagraphs { get; init; } = 20_000;
}

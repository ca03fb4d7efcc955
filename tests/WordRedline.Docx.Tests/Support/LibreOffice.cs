using System.Text.Json;

namespace WordRedline.Docx.Tests;

/// <summary>What LibreOffice Writer (a second independent reader) sees in a file: its tracked changes, its
/// comments, and its paragraphs with their rendered list labels after "Accept All" and after "Reject All".</summary>
internal sealed record LibreOfficeView(List<string[]> Redlines, List<string[]> Comments, List<Labeled> Accept, List<Labeled> Reject)
{
    /// <summary>The accepted paragraphs' texts, without empty ones (the expected text has no empty paragraphs).</summary>
    public List<string> AcceptedText => [.. Accept.Select(p => p.Text).Where(t => t.Length > 0)];

    /// <summary>The rejected paragraphs that show something: text or a list number. An empty paragraph without a
    /// number shows nothing (the writer leaves one behind at the end of a story whose last paragraph it cannot
    /// take the mark of, see NewParagraphs); an empty one with a number shows the number, and counts.</summary>
    public List<Labeled> RejectedVisible => [.. Reject.Where(p => p.Label.Length > 0 || p.Text.Length > 0)];
}

internal static class LibreOffice
{
    public const string Soffice = "/usr/bin/soffice";
    public const string Python = "/usr/bin/python3";

    /// <summary>Checks every file with one headless soffice (Tools/lo_check.py under the system python3, which
    /// has python3-uno).</summary>
    public static Dictionary<string, LibreOfficeView> Check(IReadOnlyList<string> files)
    {
        ExternalTools.Require(Soffice);
        ExternalTools.Require(Python);
        var script = Path.Combine(AppContext.BaseDirectory, "Tools", "lo_check.py");
        var json = ExternalTools.Run(Python, [script, .. files], TimeSpan.FromMinutes(10));
        var results = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!;
        return results.ToDictionary(r => r.Key, r => new LibreOfficeView(
            [.. r.Value.GetProperty("redlines").EnumerateArray().Select(Strings)],
            [.. r.Value.GetProperty("comments").EnumerateArray().Select(Strings)],
            Paragraphs(r.Value.GetProperty("accept")),
            Paragraphs(r.Value.GetProperty("reject"))));
    }

    private static string[] Strings(JsonElement pair) => [.. pair.EnumerateArray().Select(e => e.GetString() ?? "")];

    private static List<Labeled> Paragraphs(JsonElement list) =>
        [.. list.EnumerateArray().Select(Strings).Select(p => new Labeled(p[0], Text.Normalize(p[1])))];
}

using System.Text.Json;

namespace WordRedline.Docx.Tests;

/// <summary>What LibreOffice Writer (a second independent reader) sees in a file: its tracked changes, its
/// comments, and its paragraphs after "Accept All" and after "Reject All".</summary>
internal sealed record LibreOfficeView(List<string[]> Redlines, List<string[]> Comments, List<string> Accept, List<string> Reject);

internal static class LibreOffice
{
    public const string Soffice = "/usr/bin/soffice";
    public const string Python = "/usr/bin/python3";

    /// <summary>Checks every file with one headless soffice (Tools/lo_check.py under the system python3, which
    /// has python3-uno).</summary>
    public static Dictionary<string, LibreOfficeView> Check(IReadOnlyList<string> files)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "Tools", "lo_check.py");
        var json = ExternalTools.Run(Python, [script, .. files], TimeSpan.FromMinutes(10));
        var results = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!;
        return results.ToDictionary(r => r.Key, r => new LibreOfficeView(
            [.. r.Value.GetProperty("redlines").EnumerateArray().Select(Pair)],
            [.. r.Value.GetProperty("comments").EnumerateArray().Select(Pair)],
            Paragraphs(r.Value.GetProperty("accept")),
            Paragraphs(r.Value.GetProperty("reject"))));
    }

    private static string[] Pair(JsonElement pair) => [.. pair.EnumerateArray().Select(e => e.GetString() ?? "")];

    private static List<string> Paragraphs(JsonElement list) =>
        [.. list.EnumerateArray().Select(e => Text.Normalize(e.GetString() ?? "")).Where(t => t.Length > 0)];
}

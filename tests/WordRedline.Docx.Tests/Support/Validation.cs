using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

namespace WordRedline.Docx.Tests;

/// <summary>OpenXmlValidator errors the output has and the input did not. Errors are compared by part, id and
/// description (not by path, which moves when paragraphs are inserted), so files Word wrote with known false
/// positives only fail on what the writer added.</summary>
internal static class Validation
{
    public static List<string> NewErrors(byte[] input, byte[] output)
    {
        var before = Errors(input);
        var after = Errors(output);
        var news = new List<string>();
        foreach (var group in after.GroupBy(e => e.Key))
        {
            var had = before.Count(e => e.Key == group.Key);
            news.AddRange(group.Skip(had).Select(e => e.Text));
        }

        return news;
    }

    private static List<(string Key, string Text)> Errors(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var document = WordprocessingDocument.Open(stream, false);
        var errors = new List<(string, string)>();
        foreach (var version in new[] { FileFormatVersions.Office2007, FileFormatVersions.Microsoft365 })
        {
            foreach (var error in new OpenXmlValidator(version).Validate(document))
            {
                // Part names inside descriptions are left out: a comment reference the input already left dangling
                // is the same defect whether the comments part is missing or is the writer's new one.
                var description = System.Text.RegularExpressions.Regex.Replace(error.Description, "'/word/[^']*'", "'<part>'");
                var key = $"{version} {error.Part?.Uri} {error.Id} {description}";
                errors.Add((key, $"{key} at {error.Path?.XPath}"));
            }
        }

        return errors;
    }
}

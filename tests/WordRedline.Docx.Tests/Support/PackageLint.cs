using System.IO.Compression;
using System.Xml.Linq;

namespace WordRedline.Docx.Tests;

/// <summary>The post-write lint (docs/ooxml.md §Lint): what makes Word report unreadable content although
/// OpenXmlValidator is silent. Plain LINQ to XML over the saved ZIP; shares no code with the writer.</summary>
internal static class PackageLint
{
    private static readonly XNamespace W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static readonly XNamespace Xml = XNamespace.Xml;

    private static readonly HashSet<string> Revisions =
    [
        "ins", "del", "moveFrom", "moveTo", "rPrChange", "pPrChange", "sectPrChange", "tblPrChange", "trPrChange",
        "tcPrChange", "cellIns", "cellDel",
    ];

    private static readonly HashSet<string> Stories = ["document", "hdr", "ftr", "footnotes", "endnotes", "comments"];

    public static List<string> Check(byte[] docx)
    {
        var issues = new List<string>();
        var revisionIds = new Dictionary<string, string>();
        using var zip = new ZipArchive(new MemoryStream(docx));
        foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("word/", StringComparison.OrdinalIgnoreCase) && e.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)))
        {
            XDocument xml;
            try
            {
                using var stream = entry.Open();
                xml = XDocument.Load(stream);
            }
            catch (System.Xml.XmlException)
            {
                // A part the writer never parses (a damaged font table in a fuzzed input) is copied as it was.
                issues.Add($"{entry.FullName}: not well-formed XML");
                continue;
            }

            if (xml.Root is null || xml.Root.Name.Namespace != W || !Stories.Contains(xml.Root.Name.LocalName))
            {
                continue;
            }

            var part = entry.FullName;
            CheckRevisions(part, xml, issues, revisionIds);
            CheckText(part, xml, issues);
            CheckStructure(part, xml, issues);
            if (xml.Root.Name.LocalName is "hdr" or "ftr" or "footnotes" or "endnotes"
                && xml.Descendants().Any(e => e.Name == W + "commentRangeStart" || e.Name == W + "commentReference"))
            {
                issues.Add($"{part}: comment anchored outside the main story");
            }
        }

        CheckComments(zip, issues);
        return issues;
    }

    private static void CheckRevisions(string part, XDocument xml, List<string> issues, Dictionary<string, string> ids)
    {
        foreach (var element in xml.Descendants().Where(e => e.Name.Namespace == W && Revisions.Contains(e.Name.LocalName)))
        {
            var name = element.Name.LocalName;
            if (string.IsNullOrWhiteSpace((string?)element.Attribute(W + "author")))
            {
                issues.Add($"{part}: w:{name} without w:author");
            }

            var id = (string?)element.Attribute(W + "id");
            if (id is null || !long.TryParse(id, out _))
            {
                issues.Add($"{part}: w:{name} with a non-numeric w:id '{id}'");
            }
            else if (!ids.TryAdd(id, $"{part} w:{name}"))
            {
                issues.Add($"{part}: w:{name} reuses revision id {id} of {ids[id]}");
            }

            var isContainer = name is "ins" or "del" or "moveFrom" or "moveTo" && element.Parent?.Name != W + "rPr" && element.Parent?.Name != W + "trPr";
            if (isContainer)
            {
                if (element.Ancestors().Any(a => a.Name == element.Name))
                {
                    issues.Add($"{part}: w:{name} nested in w:{name}");
                }

                if (element.Parent?.Name == W + "r")
                {
                    issues.Add($"{part}: w:{name} inside a run");
                }

                if (element.Elements().Any(c => c.Name == W + "hyperlink" || c.Name == W + "fldSimple" || c.Name == W + "customXml" || c.Name == W + "p"))
                {
                    issues.Add($"{part}: w:{name} wraps a hyperlink, field, custom XML or paragraph");
                }
            }
        }
    }

    private static void CheckText(string part, XDocument xml, List<string> issues)
    {
        foreach (var text in xml.Descendants().Where(e => e.Name == W + "t" || e.Name == W + "delText" || e.Name == W + "instrText" || e.Name == W + "delInstrText"))
        {
            var deleted = text.Ancestors().Any(a => a.Name == W + "del" || a.Name == W + "moveFrom");
            var name = text.Name.LocalName;
            if (deleted && name is "t" or "instrText")
            {
                issues.Add($"{part}: w:{name} inside a deletion ('{text.Value}')");
            }

            if (!deleted && name is "delText" or "delInstrText")
            {
                issues.Add($"{part}: w:{name} outside a deletion ('{text.Value}')");
            }

            if (text.Value.Length > 0 && (char.IsWhiteSpace(text.Value[0]) || char.IsWhiteSpace(text.Value[^1]))
                && (string?)text.Attribute(Xml + "space") != "preserve")
            {
                issues.Add($"{part}: w:{name} '{text.Value}' has edge spaces without xml:space=\"preserve\"");
            }
        }
    }

    private static void CheckStructure(string part, XDocument xml, List<string> issues)
    {
        foreach (var cell in xml.Descendants(W + "tc"))
        {
            if (cell.Elements().LastOrDefault()?.Name != W + "p")
            {
                issues.Add($"{part}: w:tc does not end with w:p");
            }
        }

        if (xml.Root!.Element(W + "body") is { } body)
        {
            var sections = body.Elements(W + "sectPr").ToList();
            if (sections.Count > 1 || (sections.Count == 1 && body.Elements().Last() != sections[0]))
            {
                issues.Add($"{part}: the body's w:sectPr is not single and last");
            }
        }

        foreach (var p in xml.Descendants(W + "p").Where(p => p.Ancestors(W + "p").Any()))
        {
            issues.Add($"{part}: w:p nested in w:p");
        }
    }

    private static void CheckComments(ZipArchive zip, List<string> issues)
    {
        var document = Load(zip, "word/document.xml");
        var comments = CommentsPartName(zip) is { } name ? Load(zip, name) : null;
        var defined = comments?.Descendants(W + "comment").Select(c => (string?)c.Attribute(W + "id") ?? "").ToList() ?? [];
        foreach (var duplicate in defined.GroupBy(id => id).Where(g => g.Count() > 1))
        {
            issues.Add($"comments: duplicate comment id {duplicate.Key}");
        }

        // One line per id and kind, so a damaged input's own defects are told apart from new ones.
        foreach (var kind in new[] { "commentRangeStart", "commentRangeEnd", "commentReference" })
        {
            var used = document?.Descendants(W + kind).Select(e => (string?)e.Attribute(W + "id") ?? "").ToList() ?? [];
            foreach (var duplicate in used.GroupBy(id => id).Where(g => g.Count() > 1))
            {
                issues.Add($"word/document.xml: duplicate w:{kind} id {duplicate.Key}");
            }

            issues.AddRange(used.Distinct().Except(defined).Select(id => $"word/document.xml: w:{kind} {id} has no comment"));
            issues.AddRange(defined.Distinct().Except(used).Select(id => $"comments: comment {id} has no w:{kind}"));
        }

        // Each range must start before it ends.
        var order = document?.Descendants().Select((e, i) => (e, i)).ToList() ?? [];
        foreach (var (start, i) in order.Where(x => x.e.Name == W + "commentRangeStart"))
        {
            var id = (string?)start.Attribute(W + "id");
            var end = order.FirstOrDefault(x => x.e.Name == W + "commentRangeEnd" && (string?)x.e.Attribute(W + "id") == id);
            if (end.e is not null && end.i < i)
            {
                issues.Add($"word/document.xml: comment {id} ends before it starts");
            }
        }
    }

    // The comments part is whatever document.xml's relationships name, not necessarily word/comments.xml.
    private static string? CommentsPartName(ZipArchive zip)
    {
        XNamespace relationships = "http://schemas.openxmlformats.org/package/2006/relationships";
        var target = Load(zip, "word/_rels/document.xml.rels")?.Root?.Elements(relationships + "Relationship")
            .FirstOrDefault(r => ((string?)r.Attribute("Type"))?.EndsWith("/comments", StringComparison.Ordinal) == true)?.Attribute("Target")?.Value;
        return target is null ? null : target.StartsWith('/') ? target[1..] : "word/" + target;
    }

    private static XDocument? Load(ZipArchive zip, string name)
    {
        // Part names are case-insensitive in a package.
        var entry = zip.Entries.FirstOrDefault(e => string.Equals(e.FullName, name, StringComparison.OrdinalIgnoreCase));
        if (entry is null)
        {
            return null;
        }

        try
        {
            using var stream = entry.Open();
            return XDocument.Load(stream);
        }
        catch (System.Xml.XmlException)
        {
            return null;
        }
    }
}

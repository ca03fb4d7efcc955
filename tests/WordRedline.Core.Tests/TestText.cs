namespace WordRedline.Core.Tests;

/// <summary>Builds requests and applies edits the way the add-in and the .docx writer do.</summary>
internal static class TestText
{
    public static readonly ClauseEngine Engine = ClauseEngine.CreateDefault();

    /// <summary>The checkout's root (the folder with WordRedline.sln).</summary>
    public static string RepositoryRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "WordRedline.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("WordRedline.sln not found above the test binaries.");
        }
    }

    public static AnalyzeResponse Analyze(string party, params string[] paragraphs) => Engine.Analyze(Request(party, paragraphs));

    public static AnalyzeRequest Request(string? party, params string[] paragraphs) => new()
    {
        Paragraphs = [.. paragraphs.Select((text, i) => new ParagraphInput($"p{i}", text))],
        Party = party,
    };

    public static IEnumerable<Category> Categories(this AnalyzeResponse response, string paragraphId = "p0") =>
        response.Findings.Where(f => f.ParagraphId == paragraphId).Select(f => f.Category);

    /// <summary>Applies edits from last to first so earlier offsets stay valid.</summary>
    public static string Apply(string text, IEnumerable<Edit> edits)
    {
        foreach (var edit in edits.OrderByDescending(e => e.Start).ThenByDescending(e => e.Length))
        {
            text = string.Concat(text.AsSpan(0, edit.Start), edit.Replacement, text.AsSpan(edit.Start + edit.Length));
        }

        return text;
    }

    /// <summary>Every paragraph with all of a response's edits applied and the document-level paragraphs inserted.</summary>
    public static List<ParagraphInput> ApplyAll(IReadOnlyList<ParagraphInput> paragraphs, AnalyzeResponse response)
    {
        var edits = response.Findings.SelectMany(f => f.Edits.Select(e => (f.ParagraphId, Edit: e))).ToLookup(x => x.ParagraphId, x => x.Edit);
        List<ParagraphInput> result = [];
        foreach (var paragraph in paragraphs)
        {
            result.Add(paragraph with { Text = Apply(paragraph.Text, edits[paragraph.Id]) });
            foreach (var document in response.DocumentFindings.Where(d => d.InsertAfterParagraphId == paragraph.Id))
            {
                result.AddRange(document.Paragraphs.Select((p, i) => new ParagraphInput($"{paragraph.Id}+{document.Id}.{i}", p.Text)));
            }
        }

        return result;
    }
}

/// <summary>The labeled dev corpus beside the checkout (../shared/corpus/dev), never copied into the repo.</summary>
internal static class DevCorpus
{
    public static string? Directory
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "WordRedline.sln")))
            {
                dir = dir.Parent;
            }

            var corpus = dir is null ? null : Path.Combine(dir.FullName, "..", "shared", "corpus", "dev");
            return corpus is not null && System.IO.Directory.Exists(corpus) ? Path.GetFullPath(corpus) : null;
        }
    }

    public static string RequireDirectory() =>
        Directory ?? throw new AssertInconclusiveException("../shared/corpus/dev is absent: corpus tests skipped");

    /// <summary>Paragraph i is the i-th non-empty line after the SOURCE line, trimmed; each document with the side its
    /// labels protect.</summary>
    public static IEnumerable<(string Name, List<string> Paragraphs, string Party)> Documents(bool both = false)
    {
        var root = RequireDirectory();
        foreach (var directory in both ? [root, Path.Combine(root, "..", "dev-2")] : new[] { root })
        {
            foreach (var file in System.IO.Directory.GetFiles(directory, "*.txt").Order(StringComparer.Ordinal))
            {
                var lines = File.ReadAllLines(file).Skip(1).Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
                var labels = Path.Combine(directory, "labels", Path.GetFileName(file)[..2] + ".jsonl");
                var party = System.Text.Json.JsonDocument.Parse(File.ReadLines(labels).First()).RootElement.GetProperty("protected_party").GetString() ?? "";
                yield return (Path.GetFileName(file), lines, party);
            }
        }
    }
}

using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using WordRedline.Core;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace WordRedline.Docx;

/// <summary>Writes an analysis into an opened package: findings' edits as word-level tracked changes with
/// comments, document findings and the addendum as tracked inserted paragraphs, and track changes turned on.</summary>
internal sealed class RedlineWriter
{
    private const string AddendumId = "addendum";
    private const string AddendumReferenceId = "addendum-reference";

    private readonly MainDocumentPart main;
    private readonly RedlineOptions options;
    private readonly TrackedChanges changes;
    private readonly Dictionary<string, LocatedParagraph> paragraphs;
    private readonly List<AppliedSuggestion> applied = [];
    private readonly List<SkippedSuggestion> skipped = [];
    private readonly List<W.Comment> comments = [];

    private RedlineWriter(MainDocumentPart main, RedlineOptions options, List<LocatedParagraph> located)
    {
        this.main = main;
        this.options = options;
        changes = TrackedChanges.For(main, options.Author, options.TimeProvider);
        paragraphs = located.ToDictionary(p => p.Path, StringComparer.Ordinal);
    }

    /// <summary>Writes <paramref name="analysis"/>; <paramref name="located"/> is the untouched document's walk.</summary>
    public static (IReadOnlyList<AppliedSuggestion> Applied, IReadOnlyList<SkippedSuggestion> Skipped) Write(
        MainDocumentPart main, List<LocatedParagraph> located, AnalyzeResponse analysis, RedlineOptions options)
    {
        var writer = new RedlineWriter(main, options, located);
        writer.WriteEdits(analysis);
        writer.WriteDocumentFindings(analysis.DocumentFindings);
        if (options.Addendum is { } addendum)
        {
            writer.WriteAddendum(addendum);
        }

        writer.SaveComments();
        TurnOnTracking(main);
        return (writer.applied, writer.skipped);
    }

    /// <summary>A suggestion's edits on one paragraph, with what its comment says.</summary>
    private sealed record Suggestion(string Id, string ParagraphId, IReadOnlyList<Edit> Edits, string Title, string Rationale);

    private void WriteEdits(AnalyzeResponse analysis)
    {
        var suggestions = analysis.Findings
            .Where(f => f.Edits.Count > 0)
            .Select(f => new Suggestion(f.Id, f.ParagraphId, f.Edits, f.Title, f.Rationale))
            .ToList();
        if (options.Addendum is not null && analysis.AddendumReference is { } reference)
        {
            suggestions.Add(new Suggestion(AddendumReferenceId, reference.ParagraphId, [reference.Edit],
                options.Addendum.Paragraphs.Count > 0 ? options.Addendum.Paragraphs[0].Text : "AI Protection Addendum", options.Addendum.ReferenceSentence));
        }

        foreach (var group in suggestions.GroupBy(s => s.ParagraphId, StringComparer.Ordinal))
        {
            if (Resolve(group.Key, group.Select(s => s.Id)) is { } located)
            {
                WriteParagraph(located, [.. group]);
            }
        }
    }

    private void WriteParagraph(LocatedParagraph located, List<Suggestion> suggestions)
    {
        var editor = new ParagraphEditor(located, changes);
        var text = located.Map.Text;
        var planned = new List<(Suggestion Suggestion, List<Hunk> Hunks)>();
        var taken = new List<Hunk>();
        foreach (var suggestion in suggestions)
        {
            var edits = suggestion.Edits.OrderBy(e => e.Start).ThenBy(e => e.Length).ToList();
            if (!Valid(edits, text))
            {
                Skip(suggestion.Id, located, SkipReason.InvalidEdit, "An edit lies outside the paragraph, splits a character or overlaps another edit of the same suggestion.");
                continue;
            }

            var hunks = WordDiff.Hunks(text, edits);
            if (hunks.Count == 0)
            {
                Skip(suggestion.Id, located, SkipReason.InvalidEdit, "The edits do not change the text.");
                continue;
            }

            // The same change proposed by two findings is written once and commented twice.
            if (hunks.Any(h => taken.Any(t => t.Overlaps(h) && t != h)))
            {
                Skip(suggestion.Id, located, SkipReason.OverlapsSuggestion, "The edit overlaps an edit of another suggestion.");
                continue;
            }

            if (hunks.Select(editor.Check).FirstOrDefault(r => r is not null) is { } refusal)
            {
                Skip(suggestion.Id, located, refusal.Reason, refusal.Message);
                continue;
            }

            taken.AddRange(hunks.Where(h => !taken.Contains(h)));
            planned.Add((suggestion, hunks));
        }

        // Last to first, so each hunk's offsets are still those of the untouched text. At one offset the replacement
        // that starts there goes in first; the insertions there then go in together, in finding order (the order
        // of taken), each its own w:ins, before that replacement.
        var spans = new Dictionary<Hunk, AppliedSpan>();
        foreach (var point in taken.GroupBy(h => h.Start).OrderByDescending(g => g.Key))
        {
            foreach (var hunk in point.Where(h => h.Length > 0))
            {
                spans[hunk] = editor.Apply(hunk);
            }

            var insertions = point.Where(h => h.Length == 0).ToList();
            if (insertions.Count > 0)
            {
                var inserted = editor.Insert(point.Key, [.. insertions.Select(h => h.Insert)]);
                for (var i = 0; i < insertions.Count; i++)
                {
                    spans[insertions[i]] = inserted[i];
                }
            }
        }

        foreach (var (suggestion, hunks) in planned)
        {
            var first = spans[hunks[0]].First;
            var last = spans[hunks[^1]].Last;
            applied.Add(new AppliedSuggestion(suggestion.Id, located.Id, hunks.Sum(h => h.Length > 0 && h.Insert.Length > 0 ? 2 : 1)));
            if (options.Comments)
            {
                comments.Add(changes.Comment(first, last, suggestion.Title, suggestion.Rationale, insertedReference: false));
            }
        }
    }

    private void WriteDocumentFindings(IReadOnlyList<DocumentFinding> findings)
    {
        var writer = new NewParagraphs(main, changes);
        var lastInserted = new Dictionary<string, OpenXmlElement>(StringComparer.Ordinal);
        foreach (var finding in findings.Where(f => f.Paragraphs.Count > 0))
        {
            if (Resolve(finding.InsertAfterParagraphId, [finding.Id]) is not { } anchor)
            {
                continue;
            }

            var after = lastInserted.GetValueOrDefault(anchor.Path) ?? anchor.Element;
            var created = writer.InsertAfter(anchor.Element, after, finding.Paragraphs);
            lastInserted[anchor.Path] = created[^1];
            applied.Add(new AppliedSuggestion(finding.Id, anchor.Id, created.Count * 2));
            if (options.Comments)
            {
                CommentOnParagraphs(created, finding.Title, finding.Rationale);
            }
        }
    }

    private void WriteAddendum(RenderedAddendum addendum)
    {
        if (addendum.Paragraphs.Count == 0)
        {
            return;
        }

        var created = new NewParagraphs(main, changes).AppendAtEnd(addendum.Paragraphs);
        applied.Add(new AppliedSuggestion(AddendumId, "", created.Count * 2));
    }

    private void CommentOnParagraphs(List<W.Paragraph> created, string title, string rationale)
    {
        var first = created.Select(p => p.GetFirstChild<W.InsertedRun>()).FirstOrDefault(r => r is not null);
        var last = created.Select(p => p.Elements<W.InsertedRun>().LastOrDefault()).LastOrDefault(r => r is not null);
        if (first is not null && last is not null)
        {
            comments.Add(changes.Comment(first, last, title, rationale, insertedReference: true));
        }
    }

    /// <summary>The body paragraph an id names, or null after recording why each suggestion on it is skipped.</summary>
    private LocatedParagraph? Resolve(string id, IEnumerable<string> suggestionIds)
    {
        var hash = id.LastIndexOf('#');
        var path = hash >= 0 ? id[..hash] : id;
        (SkipReason Reason, string Message)? problem = null;
        if (!paragraphs.TryGetValue(path, out var located))
        {
            problem = (SkipReason.ParagraphNotFound, "The document has no such paragraph; the analysis may belong to another document.");
        }
        else if (hash >= 0 && !string.Equals(id[(hash + 1)..], located.Hash, StringComparison.Ordinal))
        {
            problem = (SkipReason.ParagraphChanged, "The paragraph's text changed since it was analyzed.");
        }
        else if (located.Story != DocxStory.Body)
        {
            problem = (SkipReason.NotRedlinable, "Headers, footers and notes are reported but not redlined.");
        }

        if (problem is { } p)
        {
            foreach (var suggestionId in suggestionIds)
            {
                skipped.Add(new SkippedSuggestion(suggestionId, id, p.Reason, p.Message));
            }

            return null;
        }

        return located;
    }

    private void Skip(string suggestionId, LocatedParagraph located, SkipReason reason, string message) =>
        skipped.Add(new SkippedSuggestion(suggestionId, located.Id, reason, message));

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

    // An offset between the two halves of a surrogate pair would leave half a character behind.
    private static bool SplitsPair(string text, int offset) =>
        offset > 0 && offset < text.Length && char.IsHighSurrogate(text[offset - 1]) && char.IsLowSurrogate(text[offset]);

    private void SaveComments()
    {
        if (comments.Count == 0)
        {
            return;
        }

        var part = main.WordprocessingCommentsPart ?? NewPart.Add<WordprocessingCommentsPart>(main);
        var root = part.Comments ??= new W.Comments();
        foreach (var comment in comments)
        {
            root.AppendChild(comment);
        }
    }

    // Later edits by the counterparty are tracked too. CT_Settings is a strict sequence: AddChild finds the place.
    private static void TurnOnTracking(MainDocumentPart main)
    {
        var part = main.DocumentSettingsPart ?? NewPart.Add<DocumentSettingsPart>(main);
        var settings = part.Settings ??= new W.Settings();
        if (settings.GetFirstChild<W.TrackRevisions>() is null)
        {
            settings.AddChild(new W.TrackRevisions());
        }
    }
}

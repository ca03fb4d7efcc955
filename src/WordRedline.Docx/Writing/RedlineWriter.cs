using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using WordRedline.Core;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace WordRedline.Docx;

/// <summary>Writes an analysis into an opened package: findings' word-level changes as tracked changes, each with the
/// finding's comment for the document's reader; high risks without an edit as comments (when asked); document
/// findings and the addendum as tracked inserted paragraphs; and track changes turned on.</summary>
internal sealed class RedlineWriter
{
    private const string AddendumId = "addendum";
    private const string AddendumReferenceId = "addendum-reference";

    // What a risk without an edit says when the engine wrote no note for it: neutral, third person, and free of
    // defined terms, because it travels to the other side.
    internal const string RiskNote = "Flagged for discussion: how this provision applies to the use of the work delivered under this Agreement to train or develop artificial intelligence models.";

    private readonly MainDocumentPart main;
    private readonly RedlineOptions options;
    private readonly TrackedChanges changes;
    private readonly Dictionary<string, LocatedParagraph> paragraphs;
    private readonly List<AppliedSuggestion> applied = [];
    private readonly List<AppliedSuggestion> flagged = [];
    private readonly List<SkippedSuggestion> skipped = [];
    private readonly List<W.Comment> comments = [];

    // One for the document findings and the addendum, so a mark one took over at the end of the body moves on.
    private NewParagraphs? newParagraphs;

    private RedlineWriter(MainDocumentPart main, RedlineOptions options, List<LocatedParagraph> located)
    {
        this.main = main;
        this.options = options;
        changes = TrackedChanges.For(main, options.Author, options.TimeProvider);
        paragraphs = located.ToDictionary(p => p.Path, StringComparer.Ordinal);
    }

    /// <summary>Writes <paramref name="analysis"/>; <paramref name="located"/> is the untouched document's walk.</summary>
    public static (IReadOnlyList<AppliedSuggestion> Applied, IReadOnlyList<SkippedSuggestion> Skipped, IReadOnlyList<AppliedSuggestion> Flagged) Write(
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
        return (writer.applied, writer.skipped, writer.flagged);
    }

    private void WriteEdits(AnalyzeResponse analysis)
    {
        var suggestions = analysis.Findings.Where(f => f.Edits.Count > 0).Select(Suggestion.From).ToList();
        if (options.Addendum is not null && analysis.AddendumReference is { } reference)
        {
            // The reference sentence is its own explanation; the contract has no note for it.
            suggestions.Add(new Suggestion(AddendumReferenceId, reference.ParagraphId, [reference.Edit], reference.Changes, ""));
        }

        // A clause that a document finding's new paragraph follows is already answered by that paragraph and its note.
        var answered = analysis.DocumentFindings.Where(d => d.Paragraphs.Count > 0).Select(d => PathOf(d.InsertAfterParagraphId)).ToHashSet(StringComparer.Ordinal);
        var risks = options.RiskComments && options.Comments
            ? analysis.Findings.Where(f => IsUnfixedRisk(f) && !answered.Contains(PathOf(f.ParagraphId))).ToList()
            : [];
        var suggestionsIn = suggestions.ToLookup(s => s.ParagraphId, StringComparer.Ordinal);
        var risksIn = risks.ToLookup(r => r.ParagraphId, StringComparer.Ordinal);
        foreach (var paragraphId in suggestionsIn.Select(g => g.Key).Concat(risksIn.Select(g => g.Key)).Distinct(StringComparer.Ordinal))
        {
            if (Resolve(paragraphId, suggestionsIn[paragraphId].Select(s => s.Id)) is { } located)
            {
                var editor = new ParagraphEditor(located, changes);
                FlagRisks(editor, located, [.. risksIn[paragraphId]]);
                WriteParagraph(editor, located, [.. suggestionsIn[paragraphId]]);
            }
        }
    }

    // A high risk the engine could not fix in place: the reader of the document learns of it only from a comment.
    private static bool IsUnfixedRisk(Finding finding) =>
        finding.Severity == Severity.High && Categories.Risk.Contains(finding.Category) && !finding.Mitigated
        && finding.Edits.Count == 0 && finding.Changes.Count == 0;

    /// <summary>Comments on the quoted text of each risk, on the untouched paragraph (the edits re-read it after).
    /// When the quote starts or ends in text that must not be split, the comment covers the whole paragraph.</summary>
    private void FlagRisks(ParagraphEditor editor, LocatedParagraph located, List<Finding> risks)
    {
        foreach (var risk in risks)
        {
            var span = editor.Span(risk.Start, risk.Start + risk.Length) ?? WholeParagraph(located.Element);
            if (span is { } anchor)
            {
                comments.Add(changes.Comment(anchor.First, anchor.Last, risk.Comment.Length > 0 ? risk.Comment : RiskNote));
                flagged.Add(new AppliedSuggestion(risk.Id, located.Id, 0));
            }
        }
    }

    private static AppliedSpan? WholeParagraph(W.Paragraph paragraph)
    {
        var content = paragraph.ChildElements.Where(c => c is not W.ParagraphProperties).ToList();
        return content.Count == 0 ? null : new AppliedSpan(content[0], content[^1]);
    }

    private void WriteParagraph(ParagraphEditor editor, LocatedParagraph located, List<Suggestion> suggestions)
    {
        var text = located.Map.Text;
        var planned = new List<(Suggestion Suggestion, List<Hunk> Hunks)>();
        var taken = new List<Hunk>();
        foreach (var suggestion in suggestions)
        {
            var (hunks, problem) = suggestion.Plan(text);
            if (hunks is null)
            {
                Skip(suggestion.Id, located, SkipReason.InvalidEdit, problem!);
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

        var spans = Apply(editor, taken);
        foreach (var (suggestion, hunks) in planned)
        {
            applied.Add(new AppliedSuggestion(suggestion.Id, located.Id, hunks.Sum(h => h.Length > 0 && h.Insert.Length > 0 ? 2 : 1)));
            if (options.Comments && suggestion.Comment.Length > 0)
            {
                comments.Add(changes.Comment(spans[hunks[0]].First, spans[hunks[^1]].Last, suggestion.Comment));
            }
        }
    }

    /// <summary>Applies the hunks last to first, so each one's offsets are still those of the untouched text. At one
    /// offset the replacement that starts there goes in first; the insertions there then go in together, in finding
    /// order (the order of <paramref name="taken"/>), each its own <c>w:ins</c>, before that replacement.</summary>
    private static Dictionary<Hunk, AppliedSpan> Apply(ParagraphEditor editor, List<Hunk> taken)
    {
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

        return spans;
    }

    private void WriteDocumentFindings(IReadOnlyList<DocumentFinding> findings)
    {
        var writer = newParagraphs ??= new NewParagraphs(main, changes);
        var lastInserted = new Dictionary<string, W.Paragraph>(StringComparer.Ordinal);
        foreach (var finding in findings.Where(f => f.Paragraphs.Count > 0))
        {
            if (Resolve(finding.InsertAfterParagraphId, [finding.Id]) is not { } anchor)
            {
                continue;
            }

            var after = lastInserted.GetValueOrDefault(anchor.Path) ?? anchor.Element;
            var before = changes.Created;
            var created = writer.InsertAfter(anchor.Element, after, finding.Paragraphs);
            lastInserted[anchor.Path] = created[^1];
            applied.Add(new AppliedSuggestion(finding.Id, anchor.Id, changes.Created - before));

            // On the clause the new paragraphs follow, not in them: see NewParagraphs.
            if (options.Comments && finding.Comment.Length > 0)
            {
                comments.Add(changes.CommentAtEnd(anchor.Element, finding.Comment));
            }
        }
    }

    private void WriteAddendum(RenderedAddendum addendum)
    {
        if (addendum.Paragraphs.Count == 0)
        {
            return;
        }

        var before = changes.Created;
        (newParagraphs ??= new NewParagraphs(main, changes)).AppendAtEnd(addendum.Paragraphs);
        applied.Add(new AppliedSuggestion(AddendumId, "", changes.Created - before));
    }

    private static string PathOf(string id) => id.LastIndexOf('#') is var hash and >= 0 ? id[..hash] : id;

    /// <summary>The body paragraph an id names, or null after recording why each suggestion on it is skipped.</summary>
    private LocatedParagraph? Resolve(string id, IEnumerable<string> suggestionIds)
    {
        var hash = id.LastIndexOf('#');
        var path = PathOf(id);
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

        if (problem is not { } p)
        {
            return located;
        }

        foreach (var suggestionId in suggestionIds)
        {
            skipped.Add(new SkippedSuggestion(suggestionId, id, p.Reason, p.Message));
        }

        return null;
    }

    private void Skip(string suggestionId, LocatedParagraph located, SkipReason reason, string message) =>
        skipped.Add(new SkippedSuggestion(suggestionId, located.Id, reason, message));

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

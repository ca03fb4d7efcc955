using WordRedline.Core;

namespace WordRedline.Docx;

/// <summary>Writes an analysis into a .docx as real Word tracked changes, each with the finding's comment for the
/// document's reader.</summary>
public static class DocxRedliner
{
    /// <summary>Applies <paramref name="analysis"/> (made on this document's <see cref="DocxReader"/> paragraphs) to
    /// <paramref name="input"/>: exactly each finding's word-level <see cref="Finding.Changes"/>. Suggestions that would touch someone's pending revision, a field result or a locked
    /// control, or whose paragraph changed since the analysis, are skipped and reported, never forced. Throws
    /// <see cref="DocxRejectedException"/> for input that is not a safe, readable .docx.</summary>
    public static RedlineResult Redline(Stream input, AnalyzeResponse analysis, RedlineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        options ??= new RedlineOptions();
        using var package = DocxPackage.Open(input, options.Limits, editable: true);
        var located = DocumentWalker.Walk(package.Main, options.Limits);
        var (applied, skipped, flagged) = RedlineWriter.Write(package.Main, located, analysis, options);
        return new RedlineResult(package.Save(), analysis, applied, skipped) { Flagged = flagged };
    }

    /// <summary>Reads <paramref name="input"/>, analyzes it with <paramref name="engine"/> and redlines it, opening
    /// the package once. Throws <see cref="DocxRejectedException"/> for input that is not a safe, readable .docx,
    /// and <see cref="ArgumentException"/> for an unknown playbook id (validate it with
    /// <see cref="ClauseEngine.HasPlaybook"/> first).</summary>
    public static RedlineResult AnalyzeAndRedline(Stream input, ClauseEngine engine, RedlineRequest request, RedlineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(request);
        options ??= new RedlineOptions();
        using var package = DocxPackage.Open(input, options.Limits, editable: true);
        var located = DocumentWalker.Walk(package.Main, options.Limits);
        var document = new DocxDocument([.. located.Select(DocxReader.ToParagraph)]);
        var analysis = engine.Analyze(document.ToAnalyzeRequest(request.Party, request.Playbook));
        if (request.Addendum && options.Addendum is null)
        {
            var party = analysis.Party;
            options = options with { Addendum = engine.RenderAddendum(new AddendumTerms(party.Name, party.Counterparty, party.WorkTerm), request.Playbook) };
        }

        var (applied, skipped, flagged) = RedlineWriter.Write(package.Main, located, analysis, options);
        return new RedlineResult(package.Save(), analysis, applied, skipped) { Flagged = flagged };
    }
}

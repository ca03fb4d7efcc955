using Spectre.Console;

namespace WordRedline.Cli.Analyze;

/// <summary>The readable, coloured report: score, checklist, then one row per finding with its suggested change.</summary>
internal static class TableReport
{
    private const int QuoteWidth = 70;

    public static void Write(CliConsole output, string file, AnalyzeRequest request, AnalyzeResponse response)
    {
        var console = output.Rich();

        var party = response.Party;
        console.MarkupLine($"[bold]{Markup.Escape(Path.GetFileName(file))}[/]: score [bold]{response.Score}[/] (grade [bold]{response.Grade}[/]), protecting [bold]{Markup.Escape(party.Name)}[/] against [bold]{Markup.Escape(party.Counterparty)}[/]; work: {Markup.Escape(party.WorkTerm)}{(party.Detected ? " (detected)" : "")}");
        foreach (var protection in response.Protections)
        {
            console.MarkupLine(protection.Present ? $"  [green]✓[/] {Markup.Escape(protection.Title)}" : $"  [red]✗[/] {Markup.Escape(protection.Title)}");
        }

        var risks = response.Findings.Where(f => f.Category != Category.AiProtection).ToList();
        if (risks.Count == 0 && response.DocumentFindings.Count == 0)
        {
            console.MarkupLine("[green]No risky clauses found.[/]");
            return;
        }

        var table = new Table().Border(TableBorder.Rounded).Expand();
        table.AddColumn("Severity");
        table.AddColumn("Category");
        table.AddColumn("Paragraph");
        table.AddColumn("Quote");
        table.AddColumn("Suggested change");
        var texts = request.Paragraphs.ToDictionary(p => p.Id, p => p.Text, StringComparer.Ordinal);
        foreach (var finding in risks.OrderByDescending(f => f.Severity))
        {
            table.AddRow(
                new Markup(SeverityMarkup(finding.Severity)),
                new Text(finding.Category.Id()),
                new Text(finding.ParagraphId),
                new Text(Shorten(finding.Quote)),
                new Text(Change(finding, texts.GetValueOrDefault(finding.ParagraphId) ?? "")));
        }

        foreach (var document in response.DocumentFindings)
        {
            table.AddRow(
                new Markup(SeverityMarkup(document.Severity)),
                new Text(document.Category.Id()),
                new Text($"after {document.InsertAfterParagraphId}"),
                new Text(document.Title),
                new Text("insert: " + Shorten(string.Join(" ", document.Paragraphs.Select(p => p.Text)), 160)));
        }

        console.Write(table);
    }

    private static string Change(Finding finding, string paragraph)
    {
        if (finding.Edits.Count == 0)
        {
            return finding.Mitigated ? "(already covered by protective wording)" : "(no in-place change; see the document suggestions)";
        }

        return string.Join("\n", finding.Edits.Select(edit => edit.Length == 0
            ? "insert: " + Shorten(edit.Replacement.Trim(), 160)
            : $"\"{Shorten(paragraph.Substring(edit.Start, edit.Length), 40)}\" → \"{Shorten(edit.Replacement, 120)}\""));
    }

    private static string SeverityMarkup(Severity severity) => severity switch
    {
        Severity.High => "[bold red]high[/]",
        Severity.Medium => "[darkorange]medium[/]",
        Severity.Low => "[yellow]low[/]",
        _ => "[grey]info[/]",
    };

    private static string Shorten(string text, int width = QuoteWidth) =>
        text.Length <= width ? text : text[..(width - 1)] + "…";
}

using System.CommandLine;
using Spectre.Console;
using WordRedline.Cli.Analyze;
using WordRedline.Cli.Input;
using WordRedline.Docx;

namespace WordRedline.Cli.Redline;

/// <summary>wordredline redline FILE|DIR -o OUT [--party X] [--author NAME] [--no-comments] [--no-risk-comments]
/// [--addendum]: writes the engine's fixes into .docx files as real tracked changes, each with the finding's note for
/// the other side, and flags the high risks it has no edit for in comments.</summary>
internal static class RedlineCommand
{
    public static Command Create(CliConsole console)
    {
        var input = new Argument<string>("INPUT") { Description = "A .docx file, or a folder of .docx files." };
        var output = new Option<string?>("--output", "-o") { Description = "The redlined .docx (for a file; default NAME.redlined.docx beside it) or the output folder (for a folder)." };
        var party = CommonOptions.Party();
        var playbook = CommonOptions.Playbook();
        var author = new Option<string>("--author") { Description = "Author of the tracked changes and comments.", DefaultValueFactory = _ => "WordRedline" };
        var noComments = new Option<bool>("--no-comments") { Description = "Write no comments at all (each change otherwise carries a note addressed to the other side)." };
        var noRiskComments = new Option<bool>("--no-risk-comments") { Description = "Do not flag the high risks that have no suggested edit in comments on their clauses." };
        var addendum = new Option<bool>("--addendum") { Description = "Append the AI Protection Addendum (tracked) and reference it after the entire-agreement clause." };

        var command = new Command("redline", "Write the suggested fixes into .docx files as tracked changes with comments, and flag the risks without a fix.")
        {
            input, output, party, playbook, author, noComments, noRiskComments, addendum,
        };
        command.SetAction(result =>
        {
            var engine = CommonOptions.Engine(result.GetValue(playbook));
            var request = new RedlineRequest(result.GetValue(party), Addendum: result.GetValue(addendum));
            var options = new RedlineOptions
            {
                Author = result.GetValue(author)!,
                Comments = !result.GetValue(noComments),
                RiskComments = !result.GetValue(noRiskComments),
            };
            var path = result.GetValue(input)!;
            return Directory.Exists(path)
                ? RedlineFolder(console, engine, path, result.GetValue(output), request, options)
                : RedlineFile(console, engine, path, result.GetValue(output), request, options);
        });
        return command;
    }

    private static int RedlineFile(CliConsole console, ClauseEngine engine, string path, string? output, RedlineRequest request, RedlineOptions options)
    {
        output ??= Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, Path.GetFileNameWithoutExtension(path) + ".redlined.docx");
        var outcome = Redline(engine, path, output, request, options);
        if (outcome.Error is not null)
        {
            throw new CliException(outcome.Error);
        }

        Summary(console, [outcome]);
        return CliApp.Ok;
    }

    private static int RedlineFolder(CliConsole console, ClauseEngine engine, string folder, string? output, RedlineRequest request, RedlineOptions options)
    {
        if (output is null)
        {
            throw new CliException($"{folder}: is a folder; give the output folder with -o OUTDIR");
        }

        var files = Directory.GetFiles(folder, "*.docx").Where(f => !Path.GetFileName(f).StartsWith("~$", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            throw new CliException($"{folder}: has no .docx files");
        }

        Directory.CreateDirectory(output);
        var outcomes = new List<Outcome>();
        void RunAll(Action<string>? progress)
        {
            foreach (var file in files)
            {
                progress?.Invoke(Path.GetFileName(file));
                outcomes.Add(Redline(engine, file, Path.Combine(output, Path.GetFileNameWithoutExtension(file) + ".redlined.docx"), request, options));
            }
        }

        // A progress bar only where a person watches a terminal; redirected output gets just the summary.
        if (console.IsTerminal)
        {
            AnsiConsole.Progress().Start(context =>
            {
                var task = context.AddTask("Redlining", maxValue: files.Count);
                RunAll(name =>
                {
                    task.Description = Markup.Escape(name);
                    task.Increment(1);
                });
            });
        }
        else
        {
            RunAll(null);
        }

        Summary(console, outcomes);
        return outcomes.Any(o => o.Error is not null) ? CliApp.Failed : CliApp.Ok;
    }

    private sealed record Outcome(string File, string Output, RedlineResult? Result, string? Error);

    private static Outcome Redline(ClauseEngine engine, string path, string output, RedlineRequest request, RedlineOptions options)
    {
        try
        {
            var bytes = DocumentLoader.ReadBounded(path);
            if (!path.EndsWith(".docx", StringComparison.OrdinalIgnoreCase))
            {
                throw new CliException($"{path}: redline needs a .docx file");
            }

            using var stream = new MemoryStream(bytes, writable: false);
            var result = DocxRedliner.AnalyzeAndRedline(stream, engine, request, options);
            File.WriteAllBytes(output, result.Docx);
            return new Outcome(path, output, result, null);
        }
        catch (CliException e)
        {
            return new Outcome(path, output, null, e.Message);
        }
        catch (DocxRejectedException e)
        {
            return new Outcome(path, output, null, $"{path}: {e.Message}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new Outcome(path, output, null, $"{output}: cannot be written ({e.Message})");
        }
    }

    private static void Summary(CliConsole console, List<Outcome> outcomes)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var column in new[] { "File", "Score", "Risks", "Applied", "Flagged", "Skipped", "Output" })
        {
            table.AddColumn(column);
        }

        foreach (var outcome in outcomes)
        {
            if (outcome.Result is not { } result)
            {
                table.AddRow(new Text(Path.GetFileName(outcome.File)), new Markup("[red]error[/]"), new Text(""), new Text(""), new Text(""), new Text(""), new Text(outcome.Error ?? ""));
                continue;
            }

            var risks = result.Analysis.Findings.Count(f => f.Category != Category.AiProtection && f.Severity >= Severity.Medium);
            var skipped = string.Join("\n", result.Skipped.GroupBy(s => s.Reason).Select(g => $"{g.Count()} {g.First().Message.Split(':')[0]}"));
            table.AddRow(
                new Text(Path.GetFileName(outcome.File)),
                new Text($"{result.Analysis.Score} ({result.Analysis.Grade})"),
                new Text(risks.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Text(result.Applied.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Text(result.Flagged.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Text(result.Skipped.Count == 0 ? "0" : $"{result.Skipped.Count}: {skipped}"),
                new Text(outcome.Output));
        }

        console.Rich().Write(table);
    }
}

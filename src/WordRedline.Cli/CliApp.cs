using System.CommandLine;
using Spectre.Console;
using WordRedline.Cli.Analyze;
using WordRedline.Cli.Eval;
using WordRedline.Cli.Redline;
using WordRedline.Cli.Versions;

namespace WordRedline.Cli;

/// <summary>The command tree. Every command writes to the given writers, so tests run it in-process.</summary>
internal static class CliApp
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int BadInput = 2;

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var console = new CliConsole(output, error);
        var root = new RootCommand("WordRedline: find contract clauses that give away your work to AI, and fix them.");
        root.Subcommands.Add(AnalyzeCommand.Create(console));
        root.Subcommands.Add(RedlineCommand.Create(console));
        root.Subcommands.Add(EvalCommand.Create(console));
        root.Subcommands.Add(VersionsCommand.Create(console));
        root.Subcommands.Add(VerifyCommand.Create(console));
        root.Subcommands.Add(LetterCommand.Create(console));
        try
        {
            return root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (CliException e)
        {
            error.WriteLine($"wordredline: {e.Message}");
            return BadInput;
        }
        catch (PlaybookException e)
        {
            error.WriteLine($"wordredline: {e.Message}");
            return BadInput;
        }
    }
}

/// <summary>Where a command writes.</summary>
internal sealed record CliConsole(TextWriter Out, TextWriter Error)
{
    /// <summary>True when a person watches the output in a terminal (not a file, a pipe or a test).</summary>
    public bool IsTerminal => ReferenceEquals(Out, Console.Out) && !Console.IsOutputRedirected;

    /// <summary>Spectre.Console over <see cref="Out"/>: colour in a terminal, plain text elsewhere, where rows are kept
    /// 160 columns wide instead of the 80 that a missing terminal width would give.</summary>
    public IAnsiConsole Rich()
    {
        var rich = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Out),
            Ansi = ReferenceEquals(Out, Console.Out) ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = ColorSystemSupport.Detect,
        });
        if (!IsTerminal)
        {
            rich.Profile.Width = 160;
        }

        return rich;
    }
}

/// <summary>A problem with the user's input, reported as one line without a stack trace.</summary>
internal sealed class CliException(string message) : Exception(message);

using System.CommandLine;
using System.Globalization;
using WordRedline.Versions;

namespace WordRedline.Cli.Versions;

/// <summary>wordredline letter cover|audit|breach CONTRACT [--version N] [-o FILE.docx|.txt]: drafts a letter from a
/// recorded version. Printed (for the clipboard) or written to a file; never sent.</summary>
internal static class LetterCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("letter", "Draft a letter from a recorded version of a contract (printed or written to a file; never sent).");
        command.Subcommands.Add(Kind(console, "cover", LetterKind.Cover, "A short cover note to the other side explaining the proposed changes."));
        command.Subcommands.Add(Kind(console, "audit", LetterKind.Audit, "A request for information on how the other side uses your work and its data-usage policies."));
        command.Subcommands.Add(Kind(console, "breach", LetterKind.Breach, "A formal notice of breach citing the signed clause that excludes AI training."));
        return command;
    }

    private static Command Kind(CliConsole console, string name, LetterKind kind, string description)
    {
        var contract = new Argument<string>("CONTRACT") { Description = "The contract (id or its beginning)." };
        var version = new Option<int?>("--version") { Description = kind == LetterKind.Cover ? "The version (default: the latest)." : "The version (default: the signed one)." };
        var output = new Option<string?>("--output", "-o") { Description = "Write a .docx (a new Word document) or .txt instead of printing." };
        var recipient = new Option<string?>("--recipient") { Description = "The person to address (\"Ms Patel\"); \"Sir or Madam\" otherwise." };
        var details = new Option<string?>("--details") { Description = "What you know, in your own words, set as its own paragraph." };
        var days = new Option<int>("--days") { Description = "Days the other side has to answer.", DefaultValueFactory = _ => 14 };
        var date = new Option<string?>("--date") { Description = "The letter's date (yyyy-MM-dd; default today)." };
        var (provider, connection) = (VersionsDatabaseOptions.Provider(), VersionsDatabaseOptions.Connection());
        var command = new Command(name, description) { contract, version, output, recipient, details, days, date };
        VersionsDatabaseOptions.AddTo(command, provider, connection);
        command.SetAction(result =>
        {
            DateOnly? letterDate = null;
            if (result.GetValue(date) is { } text)
            {
                letterDate = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
                    ? parsed
                    : throw new CliException($"--date: '{text}' is not a date (yyyy-MM-dd)");
            }

            if (result.GetValue(days) is < 1 or > 365)
            {
                throw new CliException("--days: give 1 to 365 days");
            }

            var path = result.GetValue(output);
            if (path is not null && Path.GetExtension(path).ToLowerInvariant() is not (".docx" or ".txt"))
            {
                throw new CliException($"{path}: a letter is written as .docx or .txt");
            }

            using var store = new SyncStore(VersionsDatabaseOptions.Open(result, provider, connection));
            var id = VersionsDatabaseOptions.Resolve(store.Store, result.GetValue(contract)!);
            var letter = VersionsCommand.Expect(store.Run(s => s.DraftLetterAsync(id, result.GetValue(version), kind, new LetterOptions
            {
                Recipient = result.GetValue(recipient),
                Details = result.GetValue(details),
                RespondWithinDays = result.GetValue(days),
                Date = letterDate,
            })));
            if (path is null)
            {
                console.Out.Write(letter.ToText());
                return CliApp.Ok;
            }

            var docx = Path.GetExtension(path).Equals(".docx", StringComparison.OrdinalIgnoreCase);
            VersionsCommand.WriteFile(path, docx ? letter.ToDocx() : System.Text.Encoding.UTF8.GetBytes(letter.ToText()));
            console.Out.WriteLine($"Wrote {path}: {letter.Subject}");
            return CliApp.Ok;
        });
        return command;
    }
}

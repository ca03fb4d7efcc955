using System.CommandLine;
using System.Text.Json;
using WordRedline.Cli.Input;

namespace WordRedline.Cli.Analyze;

/// <summary>wordredline analyze FILE... [--party NAME] [--playbook FILE] [--format table|json]</summary>
internal static class AnalyzeCommand
{
    public static Command Create(CliConsole console)
    {
        var files = new Argument<string[]>("FILE") { Arity = ArgumentArity.OneOrMore, Description = "Contract files: .txt (one paragraph per line) or .json (an AnalyzeRequest)." };
        var party = CommonOptions.Party();
        var playbook = CommonOptions.Playbook();
        var format = new Option<string>("--format") { Description = "table (readable report) or json (the API's AnalyzeResponse, one document per line).", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");

        var command = new Command("analyze", "Find the clauses that give away your work and show the suggested fixes.") { files, party, playbook, format };
        command.SetAction(result =>
        {
            var engine = CommonOptions.Engine(result.GetValue(playbook));
            var json = result.GetValue(format) == "json";
            foreach (var file in result.GetValue(files)!)
            {
                var request = DocumentLoader.Load(file);
                var partyName = result.GetValue(party);
                if (partyName is not null)
                {
                    request = request with { Party = partyName };
                }

                var response = engine.Analyze(request);
                if (json)
                {
                    console.Out.WriteLine(JsonSerializer.Serialize(response, WordRedlineJson.Wire.AnalyzeResponse));
                }
                else
                {
                    TableReport.Write(console, file, request, response);
                }
            }

            return CliApp.Ok;
        });
        return command;
    }
}

/// <summary>Options shared by analyze, redline and eval.</summary>
internal static class CommonOptions
{
    public static Option<string?> Party() => new("--party") { Description = "The side you represent, as the contract names it (Contractor, Designer, you). Detected when omitted." };

    public static Option<string?> Playbook() => new("--playbook") { Description = "A playbook JSON file to use instead of the built-in one." };

    public static ClauseEngine Engine(string? playbookFile) =>
        playbookFile is null ? ClauseEngine.CreateDefault() : new ClauseEngine([WordRedline.Core.Playbook.LoadFile(playbookFile)]);
}

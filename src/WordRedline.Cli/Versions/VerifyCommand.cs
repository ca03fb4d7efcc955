using System.CommandLine;
using WordRedline.Cli.Input;
using WordRedline.Versions;

namespace WordRedline.Cli.Versions;

/// <summary>wordredline verify EXPORT.json DOCUMENT: checks a proof export against a copy of the signed document,
/// with nothing but the two files. Exit 0 when verified, 1 when not (the failure names the version).</summary>
internal static class VerifyCommand
{
    public static Command Create(CliConsole console)
    {
        var export = new Argument<string>("EXPORT") { Description = "The proof exported by `wordredline versions export` (the .json)." };
        var document = new Argument<string>("DOCUMENT") { Description = "A copy of the signed document: .docx, or .txt with one paragraph per line." };
        var command = new Command("verify", "Verify a proof export against a copy of the signed document.") { export, document };
        command.SetAction(result =>
        {
            var json = System.Text.Encoding.UTF8.GetString(DocumentLoader.ReadBounded(result.GetValue(export)!));
            var paragraphs = DocumentLoader.Load(result.GetValue(document)!).Paragraphs.Select(p => p.Text).ToList();
            var report = ProofVerifier.Verify(json, paragraphs);
            foreach (var check in report.Checks)
            {
                console.Out.WriteLine($"ok: {check}");
            }

            foreach (var note in report.Notes)
            {
                console.Out.WriteLine($"note: {note}");
            }

            if (report.Verified)
            {
                console.Out.WriteLine("Verified.");
                return CliApp.Ok;
            }

            foreach (var failure in report.Failures)
            {
                console.Error.WriteLine($"wordredline: verification failed: {failure}");
            }

            return CliApp.Failed;
        });
        return command;
    }
}

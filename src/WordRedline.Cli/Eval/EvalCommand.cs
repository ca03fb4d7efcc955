using System.CommandLine;
using System.Globalization;

namespace WordRedline.Cli.Eval;

/// <summary>wordredline eval DIR [--min-f1 X] [--min-recall X] [--detect-party] [--playbook FILE]: the playbook's
/// regression test.</summary>
internal static class EvalCommand
{
    public static Command Create(CliConsole console)
    {
        var directory = new Argument<string>("DIR") { Description = "A labeled corpus: DIR/*.txt and DIR/labels/*.jsonl." };
        var minF1 = new Option<double?>("--min-f1") { Description = "Exit with 1 when micro-F1 over the risk categories is below this." };
        var minRecall = new Option<double?>("--min-recall") { Description = "Exit with 1 when any risk category's recall is below this." };
        var detect = new Option<bool>("--detect-party") { Description = "Let the engine detect the protected party instead of passing the labels' one (each document's detected side is printed)." };
        var playbook = Analyze.CommonOptions.Playbook();
        var command = new Command("eval", "Score the engine on a labeled corpus: per-category precision, recall and F1.") { directory, minF1, minRecall, detect, playbook };
        command.SetAction(result =>
        {
            var engine = Analyze.CommonOptions.Engine(result.GetValue(playbook));
            var score = CorpusScore.Evaluate(LabeledCorpus.Load(result.GetValue(directory)!), engine, result.GetValue(detect));
            Print(console.Out, score);
            var micro = score.Micro().F1;
            var failed = false;
            if (result.GetValue(minF1) is { } f1 && micro < f1)
            {
                console.Error.WriteLine($"wordredline: micro-F1 {F(micro)} is below --min-f1 {F(f1)}");
                failed = true;
            }

            if (result.GetValue(minRecall) is { } recall)
            {
                foreach (var category in Categories.Risk.Where(c => score.For(c).Recall < recall))
                {
                    console.Error.WriteLine($"wordredline: {category.Id()} recall {F(score.For(category).Recall)} is below --min-recall {F(recall)}");
                    failed = true;
                }
            }

            return failed ? CliApp.Failed : CliApp.Ok;
        });
        return command;
    }

    private static void Print(TextWriter output, CorpusScore score)
    {
        output.WriteLine($"{"category",-18} {"tp",4} {"fp",4} {"fn",4} {"precision",9} {"recall",7} {"f1",6}");
        foreach (var category in Categories.Risk.Append(Category.AiProtection))
        {
            Row(output, category.Id(), score.For(category));
        }

        Row(output, "micro (risk)", score.Micro());
        output.WriteLine($"silent-on-AI document flag: {score.SilentCorrect}/{score.SilentTotal} documents right");
        foreach (var (document, side) in score.DetectedSides)
        {
            output.WriteLine($"detected: {document} -> {side}");
        }

        output.WriteLine($"high findings on unlabeled paragraphs: {score.HighOnUnlabeled.Count}");
        foreach (var (title, list) in new[] { ("misses", score.Misses), ("false alarms", score.FalseAlarms), ("high on unlabeled", score.HighOnUnlabeled) })
        {
            if (list.Count == 0)
            {
                continue;
            }

            output.WriteLine($"{title}:");
            foreach (var m in list)
            {
                output.WriteLine($"  {m.Document} p{m.Paragraph} {m.Category.Id()}: {Shorten(m.Quote)}");
            }
        }

        output.WriteLine($"micro-F1 = {F(score.Micro().F1)}");
    }

    private static void Row(TextWriter output, string name, Tally t) =>
        output.WriteLine($"{name,-18} {t.TruePositives,4} {t.FalsePositives,4} {t.FalseNegatives,4} {F(t.Precision),9} {F(t.Recall),7} {F(t.F1),6}");

    private static string F(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Shorten(string text) => text.Length <= 90 ? text : text[..89] + "…";
}

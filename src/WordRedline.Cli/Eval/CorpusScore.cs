namespace WordRedline.Cli.Eval;

/// <summary>Paragraph-level precision, recall and F1 per category, as the corpus README defines them: firm labels
/// count, unsure pairs are ignored either way, micro-F1 pools the seven risk categories.</summary>
internal sealed class CorpusScore
{
    private readonly Dictionary<Category, Tally> tallies = [];

    public List<Mistake> Misses { get; } = [];
    public List<Mistake> FalseAlarms { get; } = [];

    /// <summary>High-severity findings on paragraphs that carry no label at all.</summary>
    public List<Mistake> HighOnUnlabeled { get; } = [];

    public int SilentCorrect { get; private set; }
    public int SilentTotal { get; private set; }

    /// <summary>With the party detected: each document's name and the side the engine chose.</summary>
    public List<(string Document, string Side)> DetectedSides { get; } = [];

    public static CorpusScore Evaluate(IEnumerable<LabeledDocument> documents, ClauseEngine engine, bool detectParty = false)
    {
        var score = new CorpusScore();
        foreach (var document in documents)
        {
            var request = new AnalyzeRequest
            {
                Paragraphs = [.. document.Paragraphs.Select((text, i) => new ParagraphInput(i.ToString(System.Globalization.CultureInfo.InvariantCulture), text))],
                Party = detectParty ? null : document.ProtectedParty,
            };
            var response = engine.Analyze(request);
            if (detectParty)
            {
                score.DetectedSides.Add((document.Name, $"{response.Party.Name} (labels protect {document.ProtectedParty})"));
            }

            score.Add(document, response);
        }

        return score;
    }

    private void Add(LabeledDocument document, AnalyzeResponse response)
    {
        var found = response.Findings
            .Select(f => (Paragraph: int.Parse(f.ParagraphId, System.Globalization.CultureInfo.InvariantCulture), f.Category, f))
            .DistinctBy(f => (f.Paragraph, f.Category))
            .ToList();
        var foundPairs = found.Select(f => (f.Paragraph, f.Category)).ToHashSet();

        foreach (var category in Categories.Risk.Append(Category.AiProtection))
        {
            var tally = tallies.TryGetValue(category, out var t) ? t : tallies[category] = new Tally();
            foreach (var (paragraph, label) in document.Labels)
            {
                if (label.Cats.Contains(category.Id()) && !foundPairs.Contains((paragraph, category)))
                {
                    tally.FalseNegatives++;
                    Misses.Add(new Mistake(document.Name, paragraph, category, label.Quote ?? ""));
                }
            }

            foreach (var (paragraph, cat, finding) in found.Where(f => f.Category == category))
            {
                var label = document.Labels.GetValueOrDefault(paragraph);
                if (label?.Cats.Contains(category.Id()) == true)
                {
                    tally.TruePositives++;
                }
                else if (label?.Unsure.Contains(category.Id()) != true)
                {
                    tally.FalsePositives++;
                    FalseAlarms.Add(new Mistake(document.Name, paragraph, category, finding.Quote));
                }
            }
        }

        foreach (var (paragraph, _, finding) in found)
        {
            if (finding.Severity == Severity.High && !document.Labels.ContainsKey(paragraph))
            {
                HighOnUnlabeled.Add(new Mistake(document.Name, paragraph, finding.Category, finding.Quote));
            }
        }

        // A document should be flagged silent when it grants rights in the work and never addresses AI training.
        var firm = document.Labels.Values.SelectMany(l => l.Cats).ToHashSet();
        var expectSilent = firm.Overlaps(["license-breadth", "ip-assignment", "usage-scope", "derivative-works"])
            && !firm.Overlaps(["ai-training", "ai-protection"]);
        var flagged = response.SilentOnAiTraining;
        SilentTotal++;
        SilentCorrect += expectSilent == flagged ? 1 : 0;
    }

    public Tally For(Category category) => tallies.TryGetValue(category, out var t) ? t : new Tally();

    public Tally Micro()
    {
        var micro = new Tally();
        foreach (var category in Categories.Risk)
        {
            var t = For(category);
            micro.TruePositives += t.TruePositives;
            micro.FalsePositives += t.FalsePositives;
            micro.FalseNegatives += t.FalseNegatives;
        }

        return micro;
    }
}

internal sealed class Tally
{
    public int TruePositives { get; set; }
    public int FalsePositives { get; set; }
    public int FalseNegatives { get; set; }

    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);
    public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

internal sealed record Mistake(string Document, int Paragraph, Category Category, string Quote);

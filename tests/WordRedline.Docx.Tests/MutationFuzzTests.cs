using System.Text;
using WordRedline.Core;
using WordRedline.Docx.Bench;

namespace WordRedline.Docx.Tests;

/// <summary>Thousands of damaged versions of real .docx files (flipped bytes, truncation, shuffled, dropped or
/// duplicated entries, mangled XML): every one ends in a <see cref="DocxRejectedException"/> or in a document that
/// reads back and whose markup has no new defect. A fixed seed makes every run check the same cases, all of them:
/// the test counts cases, never time.</summary>
[TestClass]
public sealed class MutationFuzzTests
{
    private const int Cases = 4_000;

    // Fixed, so every run checks the same cases; WORDREDLINE_FUZZ_SEED explores others.
    private static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("WORDREDLINE_FUZZ_SEED"), out var seed) ? seed : 52_025;

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void ReadAndRedline_MutatedDocuments_CleanRejectionOrValidOutput()
    {
        var engine = ClauseEngine.CreateDefault();
        var seeds = Fixtures.Names.Select(n => (Zip.Normalize(Fixtures.Get(n).Input), (AnalyzeResponse?)Fixtures.Get(n).Analysis.Build()))
            .Append((Zip.Normalize(ContractDocx.Build(paragraphs: 60, riskEvery: 4)), (AnalyzeResponse?)null)).ToList();
        var random = new Random(Seed);
        var outcomes = new Dictionary<string, int>();
        for (var run = 0; run < Cases; run++)
        {
            TestContext.CancellationToken.ThrowIfCancellationRequested();
            var (input, analysis) = seeds[random.Next(seeds.Count)];
            var (kind, mutated) = Mutate(input, random);
            var label = $"seed {Seed} case {run} ({kind}), input saved as {Path.Combine(Path.GetTempPath(), $"wr-fuzz-{Seed}-{run}.docx")}";
            string outcome;
            try
            {
                outcome = Check(mutated, analysis, engine, label, validate: outcomes.GetValueOrDefault("redlined") % 25 == 0);
            }
            catch (AssertFailedException)
            {
                File.WriteAllBytes(Path.Combine(Path.GetTempPath(), $"wr-fuzz-{Seed}-{run}.docx"), mutated);
                throw;
            }

            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }

        TestContext.WriteLine($"{Cases} cases: " + string.Join(", ", outcomes.OrderByDescending(o => o.Value).Select(o => $"{o.Key} {o.Value}")));
        Assert.IsTrue(outcomes.ContainsKey("redlined"), "Some mutations (shuffled entries) must still give a document.");
    }

    private static string Check(byte[] input, AnalyzeResponse? analysis, ClauseEngine engine, string label, bool validate)
    {
        RedlineResult? result = null;
        Exception? failure = null;
        try
        {
            DocxReader.Read(new MemoryStream(input));
            result = analysis is null
                ? DocxRedliner.AnalyzeAndRedline(new MemoryStream(input), engine, new RedlineRequest(Addendum: true))
                : DocxRedliner.Redline(new MemoryStream(input), analysis, new RedlineOptions { Addendum = Fixtures.Addendum });
        }
        catch (Exception e)
        {
            failure = e;
        }

        if (failure is DocxRejectedException rejected)
        {
            Assert.IsFalse(string.IsNullOrWhiteSpace(rejected.Message), label);
            return rejected.Code;
        }

        Assert.IsNull(failure, $"{label}: {failure?.GetType().Name} escaped instead of a DocxRejectedException: {failure}");

        // The output must read back, and its markup must have no defect the damaged input did not have.
        DocxReader.Read(new MemoryStream(result!.Docx));
        var before = PackageLint.Check(input);
        var added = PackageLint.Check(result.Docx).Where(issue => !before.Remove(issue)).ToList();
        Assert.AreEqual("", string.Join('\n', added), label);
        // The validator is compared only on inputs whose markup is sane: on a damaged one (a dangling comment id,
        // say) it reports the same defect differently once the writer adds the missing part.
        if (validate && before.Count == 0 && PackageLint.Check(input).Count == 0)
        {
            Assert.AreEqual("", string.Join('\n', Validation.NewErrors(input, result.Docx)), label);
        }

        return "redlined";
    }

    private static (string Kind, byte[] Bytes) Mutate(byte[] input, Random random)
    {
        switch (random.Next(7))
        {
            case 0:
                var flipped = (byte[])input.Clone();
                for (var i = random.Next(1, 9); i > 0; i--)
                {
                    flipped[random.Next(flipped.Length)] ^= (byte)(1 << random.Next(8));
                }

                return ("flip", flipped);
            case 1:
                return ("truncate", input[..random.Next(input.Length)]);
            case 2:
                return ("shuffle", Zip.Create(Zip.Entries(input).OrderBy(_ => random.Next())));
            case 3:
                var entries = Zip.Entries(input);
                entries.RemoveAt(random.Next(entries.Count));
                return ("drop", Zip.Create(entries));
            case 4:
                var all = Zip.Entries(input);
                return ("duplicate", Zip.Create(all.Append(all[random.Next(all.Count)])));
            case 5:
                return ("xml", MangleXml(input, random));
            default:
                var parts = Zip.Entries(input);
                var (a, b) = (random.Next(parts.Count), random.Next(parts.Count));
                parts[a] = (parts[a].Name, parts[b].Content);
                return ("swap-content", Zip.Create(parts));
        }
    }

    // Cuts, repeats or corrupts a slice of one XML part's text, then re-zips: broken XML, or valid XML of odd shape.
    private static byte[] MangleXml(byte[] input, Random random)
    {
        var entries = Zip.Entries(input);
        var xmlParts = entries.Select((e, i) => (e, i)).Where(x => x.e.Name.EndsWith(".xml", StringComparison.Ordinal)).ToList();
        var (entry, index) = xmlParts[random.Next(xmlParts.Count)];
        var text = Encoding.UTF8.GetString(entry.Content);
        var start = random.Next(text.Length);
        var length = random.Next(Math.Min(200, text.Length - start) + 1);
        text = random.Next(3) switch
        {
            0 => text.Remove(start, length),
            1 => text.Insert(start, text.Substring(start, length)),
            _ => text.Insert(start, "<w:r><w:t>&#x1;</w:t></w:r>"),
        };
        entries[index] = (entry.Name, Encoding.UTF8.GetBytes(text));
        return Zip.Create(entries);
    }
}

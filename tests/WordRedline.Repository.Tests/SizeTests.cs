using System.Globalization;

namespace WordRedline.Repository.Tests;

[TestClass]
public sealed class SizeTests
{
    private static readonly string[] CSharpFolders = ["src", "tests", "bench"];

    private const string KnownFile = "known-oversize.txt";

    private static List<Oversize> Measured() =>
        [.. Repository.Files(".cs", CSharpFolders).AsParallel().AsOrdered()
            .Select(path => (path, text: Repository.Read(path)))
            .Where(f => !Repository.IsGenerated(f.path, f.text))
            .SelectMany(f => SourceSize.Measure(f.path, f.text))];

    /// <summary>Violations in code this check could not fix when it arrived, each with its size then: place to lines.</summary>
    private static Dictionary<string, int> Known() =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, KnownFile))
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .ToDictionary(l => l[..l.LastIndexOf(':')], l => int.Parse(l[(l.LastIndexOf(':') + 1)..], CultureInfo.InvariantCulture), StringComparer.Ordinal);

    [TestMethod]
    public void CSharp_EveryFileAndFunction_WithinItsLimitOrGivesAReason()
    {
        var known = Known();
        var over = Measured().Where(o => !known.TryGetValue(o.Place, out var lines) || o.Lines > lines).ToList();

        Assert.IsEmpty(over,
            $"Over the limit ({SourceSize.FileLimit} lines a file, {SourceSize.FunctionLimit} code lines a function), or a known one grown: split by job, or "
            + $"give a one-line reason (\"{SourceSize.FileReason} ...\" as a file's first line, \"{SourceSize.FunctionReason} ...\" right above a function).\n"
            + string.Join('\n', over));
    }

    [TestMethod]
    public void KnownOversize_EveryListedOne_IsStillOver()
    {
        var now = Measured().Select(o => o.Place).ToHashSet(StringComparer.Ordinal);
        var done = Known().Keys.Where(place => !now.Contains(place)).ToList();

        Assert.IsEmpty(done, $"Within the limit now (or renamed): delete its line from tests/WordRedline.Repository.Tests/{KnownFile}.\n" + string.Join('\n', done));
    }

    /// <summary>The add-in's TypeScript is held to the same limits by eslint in its npm test (a file's reason there:
    /// a first line <c>/* eslint max-lines: "off" -- reason */</c>); this keeps the two languages' limits one.</summary>
    [TestMethod]
    public void AddinLint_KeepsTheSameLimits()
    {
        var config = Repository.Read("src/WordRedline.Addin/eslint.config.mjs");

        Assert.Contains($"\"max-lines\": [\"error\", {{ max: {SourceSize.FileLimit} }}]", config);
        Assert.Contains($"\"max-lines-per-function\": [\"error\", {{ max: {SourceSize.FunctionLimit}, skipBlankLines: true, skipComments: true }}]", config);
    }

    [TestMethod]
    public void Measure_FunctionOf81CodeLines_IsReported()
    {
        var found = SourceSize.Measure("A.cs", Class(Method("Long", 78)));

        Assert.AreEqual("A.cs:C.Long:81", found.Single().ToString());
    }

    [TestMethod]
    public void Measure_BlankAndCommentLines_AreNotCounted()
    {
        var body = string.Join('\n', Enumerable.Repeat("        x++;\n\n        // why\n", 76));

        Assert.IsEmpty(SourceSize.Measure("A.cs", Class($"    void M()\n    {{\n        var x = 0;\n{body}\n    }}")));
    }

    [TestMethod]
    public void Measure_ReasonAboveTheFunction_Exempts()
    {
        var code = Class("    /// <summary>Doc.</summary>\n    // Over 80 lines: one table, read top to bottom.\n" + Method("Long", 100));

        Assert.IsEmpty(SourceSize.Measure("A.cs", code));
    }

    [TestMethod]
    public void Measure_MarkerWithoutAReason_DoesNotExempt()
    {
        var code = Class("    // Over 80 lines:\n" + Method("Long", 100));

        Assert.HasCount(1, SourceSize.Measure("A.cs", code));
    }

    [TestMethod]
    public void Measure_LambdaInsideALongMethod_BothNamed()
    {
        var lambda = "        System.Action a = () =>\n        {\n" + Statements(85) + "        };\n";
        var found = SourceSize.Measure("A.cs", Class($"    void M()\n    {{\n{lambda}    }}"));

        Assert.AreEqual("A.cs:C.M:91 A.cs:C.M.lambda:88", string.Join(' ', found));
    }

    [TestMethod]
    public void Measure_Overloads_AreNumbered()
    {
        var found = SourceSize.Measure("A.cs", Class(Method("M", 90) + "\n" + Method("M", 90)));

        Assert.AreEqual("C.M C.M#2", string.Join(' ', found.Select(o => o.Name)));
    }

    [TestMethod]
    public void Measure_AttributeLines_AreNotCounted()
    {
        var rows = string.Concat(Enumerable.Range(0, 90).Select(i => $"    [DataRow({i})]\n"));

        Assert.IsEmpty(SourceSize.Measure("A.cs", Class(rows + Method("M", 10))));
    }

    [TestMethod]
    public void Measure_TopLevelStatements_CountWithoutTheirLocalFunctions()
    {
        var code = Statements(70) + "static void Helper()\n{\n" + Statements(70) + "}\n";

        Assert.IsEmpty(SourceSize.Measure("Program.cs", code));
        Assert.AreEqual("Program.cs:(top-level statements):81", SourceSize.Measure("Program.cs", Statements(11) + code).Single().ToString());
    }

    [TestMethod]
    public void Measure_FileOf401Lines_IsReportedUnlessItsFirstLineGivesAReason()
    {
        var code = "class C\n{\n" + string.Concat(Enumerable.Repeat("    int f;\n", 398)) + "}\n";

        Assert.AreEqual("A.cs:(file):401", SourceSize.Measure("A.cs", code).Single().ToString());
        Assert.IsEmpty(SourceSize.Measure("A.cs", "// Over 400 lines: one generated-like table.\n" + code));
    }

    private static string Class(string members) => $"class C\n{{\n{members}\n}}\n";

    private static string Method(string name, int statements) => $"    void {name}()\n    {{\n{Statements(statements)}    }}\n";

    private static string Statements(int count) => string.Concat(Enumerable.Repeat("        System.Console.WriteLine();\n", count));
}

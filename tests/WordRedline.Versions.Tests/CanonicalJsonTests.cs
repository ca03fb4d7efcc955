using System.Diagnostics;
using System.Text.Json;

namespace WordRedline.Versions.Tests;

[TestClass]
public sealed class CanonicalJsonTests
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    [TestMethod]
    public void Serialize_MembersOutOfOrder_SortedWithoutWhitespace()
    {
        using var json = JsonDocument.Parse("""{ "b": [1, true, null], "a": { "z": "x", "é": 2, "Z": -3 } }""");

        Assert.AreEqual("""{"a":{"Z":-3,"z":"x","é":2},"b":[1,true,null]}""", CanonicalJson.Serialize(json.RootElement));
    }

    [TestMethod]
    public void Serialize_Strings_EscapesOnlyQuotesBackslashesAndControls()
    {
        using var json = JsonDocument.Parse("\"Client\\u0027s \\\"work\\\" \\\\ \\n\\t\\u0001 \\u2028 é 😀 <>&\"");

        Assert.AreEqual("\"Client's \\\"work\\\" \\\\ \\n\\t\\u0001 \u2028 é 😀 <>&\"", CanonicalJson.Serialize(json.RootElement));
    }

    [TestMethod]
    public void Serialize_Fraction_Refused()
    {
        using var json = JsonDocument.Parse("""{ "score": 1.5 }""");

        Assert.ThrowsExactly<FormatException>(() => CanonicalJson.Serialize(json.RootElement));
    }

    [TestMethod]
    public void Hash_RecordWithQuotesAndAccents_PythonComputesTheSameHash()
    {
        // An independent implementation: Python's json module, as the proof's "method" tells a reader to do.
        var record = new VersionRecord
        {
            Schema = VersionRecord.CurrentSchema,
            Contract = Guid.Parse("01a241f7-bc3a-70bc-91ac-f77f27c2d407"),
            Sequence = 1,
            Kind = VersionRecord.VersionKind,
            Previous = null,
            RecordedAt = "2026-03-02T09:31:00.000Z",
            RecordedBy = new RecordAuthor("local", "jane", "Zoë O'Brien"),
            Clauses = [new RecordClause(["carve-out"], "2.1", "No AI Training", 5, "Agency shall not \"train\" on the Deliverables\u2014ever.\ttab", "x")],
        };
        var canonical = record.ToCanonicalJson();
        var file = Path.Combine(Directory.CreateTempSubdirectory("wordredline-jcs").FullName, "record.json");
        File.WriteAllText(file, JsonSerializer.Serialize(JsonDocument.Parse(canonical).RootElement, Indented));

        var python = Process.Start(new ProcessStartInfo("python3",
            ["-c", "import json,hashlib,sys; r=json.load(open(sys.argv[1],encoding='utf-8')); print(hashlib.sha256(json.dumps(r,sort_keys=True,separators=(',',':'),ensure_ascii=False).encode('utf-8')).hexdigest())", file])
        {
            RedirectStandardOutput = true,
        })!;
        var output = python.StandardOutput.ReadToEnd().Trim();
        python.WaitForExit();

        Assert.AreEqual(0, python.ExitCode);
        Assert.AreEqual(HashChain.Hash(canonical), output);
    }
}

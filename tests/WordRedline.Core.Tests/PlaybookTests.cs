namespace WordRedline.Core.Tests;

[TestClass]
public sealed class PlaybookTests
{
    [TestMethod]
    public void LoadEmbedded_Default_IsVersionedAndCoversEveryRiskCategory()
    {
        var playbook = Playbook.LoadEmbedded();

        Assert.AreEqual("freelancer-ai", playbook.Id);
        Assert.IsGreaterThanOrEqualTo(1, playbook.Version);
        var categories = playbook.Rules.Select(r => r.Category).ToHashSet();
        foreach (var category in Categories.Risk.Append(Category.AiProtection))
        {
            Assert.Contains(category, categories);
        }
    }

    [TestMethod]
    [DataRow("""{ "id": "x", """, "is not a valid playbook")]
    [DataRow("""{ "id": "x", "version": 1 }""", "is not a valid playbook")]
    public void Parse_BrokenJson_NamesFileAndProblem(string json, string problem)
    {
        var e = Assert.ThrowsExactly<PlaybookException>(() => Playbook.Parse(Stream(json), "mine.json"));

        Assert.StartsWith("Playbook mine.json " + problem, e.Message);
    }

    [TestMethod]
    [DataRow("title", "\"\"", "needs a title and an explanation")]
    [DataRow("id", "\"usage-scope.x\"", "its id must start with its category")]
    [DataRow("fix", """{ "kind": "insert-after-sentence", "text": "t", "rationale": "r", "comment": "" }""", "fix needs a text, a rationale and a comment")]
    public void Parse_BadRule_NamesFileRuleAndProblem(string field, string value, string problem)
    {
        var e = Assert.ThrowsExactly<PlaybookException>(() => Playbook.Parse(Stream(WithFirstRuleField(field, value)), "mine.json"));

        Assert.AreEqual("mine.json", e.PlaybookSource);
        Assert.Contains(problem, e.Message);
    }

    [TestMethod]
    [DataRow("category", "\"ai-stuff\"")]
    [DataRow("severity", "\"urgent\"")]
    public void Parse_UnknownEnumValue_IsNotAValidPlaybook(string field, string value)
    {
        var e = Assert.ThrowsExactly<PlaybookException>(() => Playbook.Parse(Stream(WithFirstRuleField(field, value)), "mine.json"));

        Assert.StartsWith("Playbook mine.json is not a valid playbook", e.Message);
    }

    [TestMethod]
    public void Parse_UnknownLexiconConcept_NamesIt()
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(EmbeddedJson())!;
        node["lexicon"]!["sharing"] = System.Text.Json.Nodes.JsonNode.Parse("""["share~"]""");

        var e = Assert.ThrowsExactly<PlaybookException>(() => Playbook.Parse(Stream(node.ToJsonString()), "mine.json"));

        Assert.Contains("lexicon names an unknown concept 'sharing'", e.Message);
    }

    [TestMethod]
    public void Parse_MissingEngineRule_NamesIt()
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(EmbeddedJson())!;
        var rules = node["rules"]!.AsArray();
        rules.Remove(rules.First(r => r!["id"]!.GetValue<string>() == "moral-rights.waiver"));

        var e = Assert.ThrowsExactly<PlaybookException>(() => Playbook.Parse(Stream(node.ToJsonString()), "mine.json"));

        Assert.AreEqual("moral-rights.waiver", e.RuleId);
        Assert.Contains("is missing", e.Message);
    }

    [TestMethod]
    public void Parse_DuplicateRuleId_Throws()
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(EmbeddedJson())!;
        var rules = node["rules"]!.AsArray();
        rules.Add(rules[0]!.DeepClone());

        var e = Assert.ThrowsExactly<PlaybookException>(() => Playbook.Parse(Stream(node.ToJsonString()), "mine.json"));

        Assert.Contains("the id is used twice", e.Message);
    }

    [TestMethod]
    public void Parse_UnknownWordingPlaceholder_Throws()
    {
        var e = Assert.ThrowsExactly<PlaybookException>(() => Playbook.Parse(Stream(WithFirstRuleField("fix", """{ "kind": "replace-match", "text": "for [Client] {client}", "rationale": "r", "comment": "c" }""")), "mine.json"));

        Assert.Contains("unknown placeholder {client}", e.Message);
    }

    [TestMethod]
    public void LoadFile_Missing_NamesTheFile()
    {
        var e = Assert.ThrowsExactly<PlaybookException>(() => Playbook.LoadFile("/no/such/playbook.json"));

        Assert.StartsWith("Playbook /no/such/playbook.json cannot be read", e.Message);
    }

    [TestMethod]
    public void RenderAddendum_DocumentTerms_FillsEveryClauseWithoutPlaceholders()
    {
        var addendum = TestText.Engine.RenderAddendum(new AddendumTerms("Designer", "Agency", "Deliverables"));

        Assert.AreEqual(new SuggestedParagraph("AI Protection Addendum", "Heading1"), addendum.Paragraphs[0]);
        Assert.IsGreaterThanOrEqualTo(10, addendum.Paragraphs.Count);
        Assert.Contains(p => p.Text.StartsWith("No training. Agency shall not use", StringComparison.Ordinal), addendum.Paragraphs);
        Assert.IsFalse(addendum.ToText().Contains('{', StringComparison.Ordinal));
        foreach (var topic in new[] { "Definitions.", "No training.", "human agents only", "Third-party AI providers.", "Deletion", "Audit.", "injunctive relief", "Order of precedence.", "Survival." })
        {
            Assert.Contains(topic, addendum.ToText());
        }

        Assert.AreEqual("The AI Protection Addendum attached hereto forms part of this Agreement and prevails over any conflicting term.", addendum.ReferenceSentence);
    }

    [TestMethod]
    public void RenderAddendum_YouAsParty_CapitalisesAndUsesPossessives()
    {
        var addendum = TestText.Engine.RenderAddendum(new AddendumTerms("you", "Acme", "your Content"));

        Assert.Contains("On your written request, Acme shall delete your Content", addendum.ToText());
    }

    private static string EmbeddedJson()
    {
        using var stream = typeof(Playbook).Assembly.GetManifestResourceStream("WordRedline.Playbooks.freelancer-ai.json")!;
        return new StreamReader(stream).ReadToEnd();
    }

    private static string WithFirstRuleField(string field, string json)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(EmbeddedJson())!;
        node["rules"]![0]![field] = System.Text.Json.Nodes.JsonNode.Parse(json);
        return node.ToJsonString();
    }

    private static MemoryStream Stream(string text) => new(System.Text.Encoding.UTF8.GetBytes(text));
}

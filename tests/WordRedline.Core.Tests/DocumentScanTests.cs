namespace WordRedline.Core.Tests;

/// <summary>The one pass over a document's word starts: what it counts and finds, and what it leaves alone.</summary>
[TestClass]
public sealed class DocumentScanTests
{
    private static readonly CompiledPlaybook Compiled = new(Playbook.LoadEmbedded());

    [TestMethod]
    public void Run_TriggerInsideAWord_IsNoHit()
    {
        const string Text = "Client is entitled to keep title to the Work.";

        var hits = Scan(Text).Hits(0, 1).ToArray().Select(h => Compiled.Triggers[h.Trigger]).ToList();

        Assert.HasCount(1, hits.Where(t => t == "title").ToList(), "\"entitled\" holds the letters, not the word");
    }

    [TestMethod]
    public void Run_TriggerPhrase_FoundInAnyCaseWithTheRulesItWakes()
    {
        var scan = Scan("Use it FOR ANY AND ALL purposes.");

        var hit = scan.Hits(0, 1).ToArray().Single(h => Compiled.Triggers[h.Trigger] == "any and all");
        Assert.AreEqual(11, hit.Position);
        Assert.Contains(Compiled.Rules.Single(r => r.Source.Id == "usage-scope.any-purpose").Index, Compiled.RulesByTrigger[hit.Trigger]);
    }

    [TestMethod]
    public void Run_Pronouns_CountedAsWholeWordsWithUsOnlyInLowerCase()
    {
        var scan = Scan("You and your team, yourself, you. We, us, our and ours; the US office; YOUR.");

        Assert.AreEqual(4, scan.YouCount, "you, your, you, YOUR; not yourself");
        Assert.AreEqual(3, scan.WeCount, "We, us, our; not ours, not the country");
    }

    [TestMethod]
    public void Run_RoleWords_CountedWhenCapitalisedUnderTheirOwnSpelling()
    {
        var scan = Scan("The Client, the CLIENT and the client; Clientele; a Service Provider.");

        Assert.AreEqual(2, scan.RoleCounts["Client"], "Client and CLIENT; lower case is no defined term");
        Assert.AreEqual(1, scan.RoleCounts["Provider"]);
        Assert.IsFalse(scan.RoleCounts.ContainsKey("Service Provider"), "roles are counted as single words");
    }

    [TestMethod]
    public void Run_PartyWordsPastTheBudget_NotCounted()
    {
        // Each paragraph spends at most its first 20,000 characters of the budget.
        var filler = Enumerable.Repeat(new string('x', DocumentScan.PartyWordParagraphLimit), DocumentScan.PartyWordBudget / DocumentScan.PartyWordParagraphLimit);
        var scan = Scan([.. filler, "Client Client you you"]);

        Assert.IsEmpty(scan.RoleCounts);
        Assert.AreEqual(0, scan.YouCount);
    }

    [TestMethod]
    public void Resolve_EmptyParagraphBeforeTheDefinitions_StillReadsThem()
    {
        string[] texts = ["", "This Agreement is between Acme (the \"Agency\") and Jo Doe (\"Designer\")."];

        var terms = PartyResolver.Resolve(texts, Scan(texts), null, Compiled);

        Assert.AreEqual("Designer", terms.Name);
        Assert.AreEqual("Agency", terms.Counterparty);
    }

    [TestMethod]
    public void Run_LongParagraph_PartyWordsCountedInItsFirstPartOnly()
    {
        var scan = Scan("Client " + new string('x', DocumentScan.PartyWordParagraphLimit) + " Client Client");

        Assert.AreEqual(1, scan.RoleCounts["Client"]);
    }

    [TestMethod]
    public void Run_WorkTerms_WholeWordsAsWrittenAcrossTheWholeDocument()
    {
        var scan = Scan(new string('x', DocumentScan.PartyWordBudget), "The Deliverables, (Deliverables), deliverables, Deliverablesx and 2Deliverables.");

        Assert.AreEqual(3, scan.WorkTermCounts[Compiled.Source.WorkTerms.ToList().IndexOf("Deliverables")]);
    }

    [TestMethod]
    public void Run_AddendumWords_MarkTheirParagraphs()
    {
        var scan = Scan("This is the entire agreement.", "It supersedes all prior terms.", "See the AI Protection Addendum.", "Nothing here.");

        Assert.AreEqual("EntireAgreement,EntireAgreement,AddendumAttached,None", string.Join(",", scan.Gates));
    }

    [TestMethod]
    public void RoleText_PartyWords_BecomeMarkersAndOffsetsMapBack()
    {
        var lexicon = new RoleLexicon(PartyResolver.Resolve(["(\"Client\") and (\"Contractor\")"], Scan("(\"Client\") and (\"Contractor\")"), "Contractor", Compiled));
        const string Text = "Client's work, the CLIENT, Clientele and Contractor; the US office.";

        var view = RoleText.Create(Text, lexicon);

        Assert.AreEqual($"{RoleText.CounterpartyPossessive} work, the {RoleText.Counterparty}, Clientele and {RoleText.Party}; the US office.", view.View);
        Assert.IsFalse(view.TryToView(2, out _), "inside \"Client's\"");
        Assert.IsTrue(view.TryToView(Text.IndexOf("work", StringComparison.Ordinal), out var work));
        Assert.AreEqual(2, work);
        Assert.IsTrue(view.TryToView(Text.IndexOf("office", StringComparison.Ordinal), out var office));
        Assert.AreEqual("office", view.View.Substring(office, 6));
        Assert.AreEqual(Text.IndexOf("office", StringComparison.Ordinal), view.ToOriginal(office));
    }

    private static DocumentScan Scan(params string[] texts) => DocumentScan.Run(texts, Compiled);
}

namespace WordRedline.Core.Tests;

[TestClass]
public sealed class EditTests
{
    [TestMethod]
    public void Analyze_AnyAndAllPurposes_ReplacesOnlyThePhrase()
    {
        const string text = "Contractor grants Client the right to use the Deliverables for any and all commercial purposes.";
        var response = TestText.Analyze("Contractor", "Client (\"Client\") and Contractor (\"Contractor\").", text);

        var finding = response.Findings.Single(f => f.Category == Category.UsageScope);
        Assert.AreEqual("for any and all commercial purposes", finding.Quote);
        var edit = finding.Edits.Single();
        Assert.AreEqual(text.IndexOf("for any", StringComparison.Ordinal), edit.Start);
        Assert.AreEqual(
            "Contractor grants Client the right to use the Deliverables solely for [the purpose agreed for the work].",
            TestText.Apply(text, finding.Edits));
        Assert.HasCount(1, finding.FillIns);
    }

    [TestMethod]
    public void Analyze_QuoteAndOffsets_MatchTheParagraphText()
    {
        const string text = "Our license to use Your Content includes our rights to modify it and to use it for any purpose, worldwide.";
        var response = TestText.Analyze("you", text);

        Assert.IsNotEmpty(response.Findings);
        foreach (var finding in response.Findings)
        {
            Assert.AreEqual(text.Substring(finding.Start, finding.Length), finding.Quote);
            foreach (var edit in finding.Edits)
            {
                Assert.IsTrue(edit.Start >= 0 && edit.Start + edit.Length <= text.Length, $"{finding.RuleId} edit out of range");
            }
        }
    }

    [TestMethod]
    public void Analyze_AstralCharactersBeforeClause_OffsetsAreUtf16()
    {
        const string text = "😀𝄞 Client may use the Deliverables for any purpose.";
        var response = TestText.Analyze("Contractor", text, "Client (\"Client\") and Contractor (\"Contractor\").");

        var finding = response.Findings.Single(f => f.Category == Category.UsageScope);
        Assert.AreEqual("for any purpose", text.Substring(finding.Start, finding.Length));
    }

    [TestMethod]
    public void Analyze_PhraseTwiceInParagraph_OneFindingReplacesBoth()
    {
        const string text = "Client may use the Deliverables for any purpose. Client may also publish them for any purpose.";
        var response = TestText.Analyze("Contractor", text, "Client (\"Client\") and Contractor (\"Contractor\").");

        var finding = response.Findings.Single(f => f.Category == Category.UsageScope);
        Assert.HasCount(2, finding.Edits);
        Assert.DoesNotContain("any purpose", TestText.Apply(text, finding.Edits));
        Assert.HasCount(2, finding.Changes);
    }

    [TestMethod]
    public void Analyze_LicenceAndTrainingPermission_TheCovenantSaysItOnce()
    {
        // The struck permission's covenant binds Client whatever the licence says: a carve-out after the licence would
        // say it twice.
        const string text = "Contractor hereby grants Client a perpetual, irrevocable, worldwide, royalty-free license to use the Deliverables.";
        var response = TestText.Analyze("Contractor", "Client (\"Client\") and Contractor (\"Contractor\").", text, "Client may train AI models on the Deliverables.");

        Assert.IsEmpty(response.Findings.Where(f => f.ParagraphId == "p1").SelectMany(f => f.Edits).ToList());
        var covenant = response.Findings.Where(f => f.ParagraphId == "p2").SelectMany(f => f.Edits).Where(e => e.Replacement.Length > 0).ToList();
        Assert.HasCount(1, covenant);
        Assert.StartsWith("Client shall not use the Deliverables", covenant[0].Replacement.Trim());
        Assert.IsEmpty(response.DocumentFindings);
    }

    [TestMethod]
    public void Analyze_HardWrappedSentence_DoesNotInsertMidSentence()
    {
        var response = TestText.Analyze("Licensor", "Permission is hereby granted, free of charge, to any person obtaining a copy", "of this software, to deal in the Software without restriction, including the rights", "to use, copy, modify, sublicense, and/or sell copies of the Software.");

        Assert.IsEmpty(response.Findings.Where(f => f.ParagraphId == "p0").SelectMany(f => f.Edits).ToList());
        var scope = response.Findings.Single(f => f.Category == Category.UsageScope);
        Assert.AreEqual("p1", scope.ParagraphId);
        Assert.AreEqual("solely for [the purpose agreed for the work]", scope.Edits.Single().Replacement);
    }

    [TestMethod]
    public void Analyze_DenialReopenedByAnException_StrikesTheExceptionAndKeepsTheDenial()
    {
        const string text = "We do not use Your Data to train our models except (a) when you have not opted out of training, or (b) when you send us feedback.";
        var response = TestText.Analyze("you", "These Terms are between you and Acme Inc. (\"Acme\", \"we\" or \"us\"). Prompts and files you submit are \"Your Data\".", text);

        var edits = response.Findings.Where(f => f.ParagraphId == "p1").SelectMany(f => f.Edits).ToList();
        var edit = edits.Single();
        Assert.AreEqual("", edit.Replacement);
        Assert.AreEqual("We do not use Your Data to train our models.", text[..edit.Start] + text[(edit.Start + edit.Length)..]);
    }
}

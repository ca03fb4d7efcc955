using WordRedline.Core;
using System.Xml.Linq;
using static WordRedline.Docx.Tests.Package;

namespace WordRedline.Docx.Tests;

/// <summary>The exact markup of the writer's tracked changes, comments and settings.</summary>
[TestClass]
public sealed class DocxRedlinerTests
{
    [TestMethod]
    public void Redline_ExistingRevisionsUpToId8_NewIdsStartAt9AndAreUnique()
    {
        var docx = Fixtures.Get("tracked").Redline().Docx;

        var ours = Body(docx).Descendants().Where(e => (e.Name == W + "ins" || e.Name == W + "del") && Attr(e, "author") == "WordRedline")
            .Select(e => int.Parse(Attr(e, "id")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();

        Assert.AreSequenceEqual<int>([9, 10, 11], ours.Order());
    }

    [TestMethod]
    public void Redline_FixedClock_DatesInWholeUtcSeconds()
    {
        var docx = Fixtures.Get("formatting").Redline().Docx;

        var dates = Body(docx).Descendants().Where(e => e.Name == W + "ins" || e.Name == W + "del").Select(e => Attr(e, "date")).Distinct().ToList();
        var commentDates = Part(docx, "word/comments.xml").Descendants(W + "comment").Select(e => Attr(e, "date")).Distinct().ToList();

        Assert.AreSequenceEqual<string?>(["2025-01-02T03:04:05Z"], dates);
        Assert.AreSequenceEqual<string?>(["2025-01-02T03:04:05Z"], commentDates);
    }

    [TestMethod]
    public void Redline_CustomAuthor_OnEveryRevisionAndComment()
    {
        var fixture = Fixtures.Get("formatting");

        var docx = DocxRedliner.Redline(new MemoryStream(fixture.Input), fixture.Analysis.Build(), fixture.Options with { Author = "Jane Freelancer" }).Docx;

        var authors = Body(docx).Descendants().Where(e => e.Name == W + "ins" || e.Name == W + "del")
            .Concat(Part(docx, "word/comments.xml").Descendants(W + "comment")).Select(e => Attr(e, "author")).Distinct().ToList();
        Assert.AreSequenceEqual<string?>(["Jane Freelancer"], authors);
        Assert.AreEqual("JF", Attr(Part(docx, "word/comments.xml").Descendants(W + "comment").First(), "initials"));
    }

    [TestMethod]
    public void Redline_ReplacementOfFormattedWords_InsertionTakesTheBodyFormatting()
    {
        var docx = Fixtures.Get("formatting").Redline().Docx;

        var deletions = Body(docx).Descendants(W + "del").Select(d => d.Value).ToList();
        var numberInsert = Body(docx).Descendants(W + "ins").Single(i => i.Value == "45");
        var italicDeleted = Body(docx).Descendants(W + "del").Elements(W + "r").Single(r => r.Value == "all commercial purposes");
        var plainInsert = Body(docx).Descendants(W + "ins").Single(i => i.Value.StartsWith("the sole purpose", StringComparison.Ordinal));

        Assert.AreSequenceEqual<string>(["any and all commercial purposes", "any media now known or hereafter devised", "30"], deletions);
        Assert.IsNull(numberInsert.Descendants(W + "b").SingleOrDefault(), "The struck number was bold; the body text is not.");
        Assert.IsNotNull(italicDeleted.Descendants(W + "i").SingleOrDefault(), "Deleted text keeps its own formatting.");
        Assert.IsNull(plainInsert.Descendants(W + "i").SingleOrDefault());
    }

    [TestMethod]
    public void Redline_BoldWordNextToEdit_StaysBoldAndNewWordsDoNot()
    {
        if (!ExternalTools.Require(Pandoc.Path))
        {
            Assert.Inconclusive("WORDREDLINE_SKIP_EXTERNAL=1");
        }

        var docx = Fixtures.Get("formatting").Redline().Docx;

        Assert.IsTrue(Pandoc.IsBold(docx, "Deliverables"));
        Assert.IsFalse(Pandoc.IsBold(docx, "45"));
        Assert.IsFalse(Pandoc.IsBold(docx, "sole"));
    }

    [TestMethod]
    public void Redline_CommentOnReplacement_RangeAroundRevisionsAndReferenceOutsideThem()
    {
        var docx = Fixtures.Get("formatting").Redline().Docx;
        var paragraph = Body(docx).Elements(W + "p").Last();

        var names = paragraph.Elements().Select(e => e.Name.LocalName).ToList();

        Assert.AreSequenceEqual<string>(["r", "commentRangeStart", "del", "ins", "commentRangeEnd", "r", "r"], names);
        Assert.AreEqual("commentReference", paragraph.Elements().ElementAt(5).Elements().Single().Name.LocalName);
    }

    [TestMethod]
    public void Redline_CommentsOff_NoCommentsPartAndNoAnchors()
    {
        var fixture = Fixtures.Get("formatting");

        var result = DocxRedliner.Redline(new MemoryStream(fixture.Input), fixture.Analysis.Build(), fixture.Options with { Comments = false });

        Assert.IsFalse(HasPart(result.Docx, "word/comments.xml"));
        Assert.IsEmpty(Body(result.Docx).Descendants().Where(e => e.Name.LocalName.StartsWith("comment", StringComparison.Ordinal)));
        Assert.HasCount(3, result.Applied);
    }

    [TestMethod]
    public void Redline_ExistingComment_KeptAndNewCommentGetsNextId()
    {
        var docx = Fixtures.Get("comment").Redline().Docx;

        var comments = Part(docx, "word/comments.xml").Descendants(W + "comment").Select(c => $"{Attr(c, "id")}:{Attr(c, "author")}").ToList();

        Assert.AreSequenceEqual<string>(["0:Bob Lawyer", "1:WordRedline"], comments);
    }

    [TestMethod]
    public void Redline_InsertionAtEndOfHyperlink_LandsOutsideTheHyperlink()
    {
        var docx = Fixtures.Get("hyperlink").Redline().Docx;

        var inserted = Body(docx).Descendants(W + "ins").Single(i => i.Value == " (as amended by the parties)");

        Assert.AreEqual("p", inserted.Parent!.Name.LocalName);
        Assert.IsNull(inserted.Descendants(W + "rStyle").SingleOrDefault(), "The new words must not take the hyperlink's style.");
    }

    [TestMethod]
    public void Redline_TwoInsertionsAtOnePoint_OwnInsertionAndCommentEachInFindingOrder()
    {
        var docx = Fixtures.Get("same-point").Redline().Docx;
        var paragraph = Body(docx).Elements(W + "p").First();
        var notes = Part(docx, "word/comments.xml").Descendants(W + "comment")
            .ToDictionary(c => Attr(c, "id")!, c => c.Descendants(W + "t").First().Value);

        var names = paragraph.Elements().Select(e => e.Name.LocalName).ToList();
        var commented = paragraph.Elements(W + "ins")
            .Select(i => $"{notes[Attr(i.ElementsBeforeSelf(W + "commentRangeStart").Last(), "id")!]}:{i.Value}").ToList();

        Assert.AreSequenceEqual<string>(["r", "commentRangeStart", "ins", "commentRangeEnd", "r", "commentRangeStart", "ins", "commentRangeEnd", "r", "r"], names);
        Assert.AreSequenceEqual<string>(
            [
                "Proposed for f1: use is tied to the Project.: The Client shall not use the Deliverables to train artificial intelligence systems.",
                "Proposed for f2: use is tied to the Project.: Only human agents of the Client may create derivative works of the Deliverables.",
            ],
            commented);
    }

    [TestMethod]
    public void Redline_InsertionAtStartOfReplacementAtParagraphStart_InsertedBeforeTheDeletion()
    {
        var docx = Fixtures.Get("same-point").Redline().Docx;
        var paragraph = Body(docx).Elements(W + "p").ElementAt(1);

        var changes = paragraph.Elements().Where(e => e.Name == W + "ins" || e.Name == W + "del").Select(e => $"{e.Name.LocalName}:{e.Value}").ToList();

        Assert.AreSequenceEqual<string>(
            ["ins:Subject to Section 3, ", "del:Licensee may exploit", "ins:The Client may display", "del:any manner", "ins:the Project", "ins: and for no other purpose"],
            changes);
    }

    [TestMethod]
    public void Redline_EditInsideHyperlink_RevisionsInsideTheHyperlink()
    {
        var docx = Fixtures.Get("hyperlink").Redline().Docx;
        var link = Body(docx).Descendants(W + "hyperlink").First();

        Assert.AreSequenceEqual<string>(["any purpose"], link.Elements(W + "del").Select(d => d.Value));
        Assert.AreSequenceEqual<string>(["the Project"], link.Elements(W + "ins").Select(d => d.Value));
        Assert.IsEmpty(Body(docx).Descendants(W + "ins").Where(i => i.Elements(W + "hyperlink").Any()));
    }

    [TestMethod]
    public void Redline_DeletionAcrossFootnoteReference_KeepsTheReference()
    {
        var docx = Fixtures.Get("footnote").Redline().Docx;

        var reference = Body(docx).Descendants(W + "footnoteReference").Single();

        Assert.IsEmpty(reference.Ancestors().Where(a => a.Name == W + "del" || a.Name == W + "ins"));
    }

    [TestMethod]
    public void Redline_InsertionAfterField_LandsAfterTheFieldEnd()
    {
        var docx = Fixtures.Get("field").Redline().Docx;
        var runs = Body(docx).Elements(W + "p").First().Elements().ToList();

        var end = runs.FindIndex(e => e.Descendants(W + "fldChar").Any(f => Attr(f, "fldCharType") == "end"));
        var insertion = runs.FindIndex(e => e.Name == W + "ins" && e.Value == " (Licence)");

        Assert.IsGreaterThan(end, insertion);
    }

    [TestMethod]
    public void Redline_Anything_TurnsOnTrackRevisionsInSchemaOrder()
    {
        var settings = Part(Fixtures.Get("formatting").Redline().Docx, "word/settings.xml").Root!;

        Assert.AreSequenceEqual<string>(["trackRevisions", "defaultTabStop"], settings.Elements().Select(e => e.Name.LocalName));
    }

    [TestMethod]
    public void Redline_NoSettingsPart_CreatesOneWithTrackRevisions()
    {
        var settings = Part(Fixtures.Get("plain").Redline().Docx, "word/settings.xml").Root!;

        Assert.AreSequenceEqual<string>(["trackRevisions"], settings.Elements().Select(e => e.Name.LocalName));
    }

    [TestMethod]
    public void Redline_AnalysisWithoutAddendumOption_LeavesReferenceOut()
    {
        var fixture = Fixtures.Get("numbered");

        var result = DocxRedliner.Redline(new MemoryStream(fixture.Input), fixture.Analysis.Build(), fixture.Options with { Addendum = null });

        Assert.AreSequenceEqual<string>(["f1", "d1"], result.Applied.Select(a => a.SuggestionId), SequenceOrder.InAnyOrder);
        Assert.DoesNotContain("AI Protection Addendum", Body(result.Docx).Value);
    }

    [TestMethod]
    public void Redline_EmptyAnalysis_DocumentUnchangedButTracked()
    {
        var fixture = Fixtures.Get("formatting");
        var empty = fixture.Analysis.Build() with { Findings = [], DocumentFindings = [], AddendumReference = null };

        var result = DocxRedliner.Redline(new MemoryStream(fixture.Input), empty, fixture.Options);

        Assert.IsEmpty(result.Applied);
        Assert.AreEqual(Body(fixture.Input).ToString(), Body(result.Docx).ToString());
    }

    [TestMethod]
    public void Redline_SkippedSuggestion_ExplainsWhoseRevisionBlocksIt()
    {
        var result = Fixtures.Get("tracked").Redline();

        var skipped = result.Skipped.Single();

        Assert.AreEqual(SkipReason.PendingRevision, skipped.Reason);
        Assert.Contains("Alice Agency", skipped.Message);
    }

    [TestMethod]
    public void Redline_RedlinedDocumentAgain_NewIdsAboveOwnEarlierRevisions()
    {
        var fixture = Fixtures.Get("formatting");
        var once = fixture.Redline().Docx;
        var again = new AnalysisBuilder(once).Replace("g1", "within", "no later than").Build();

        var twice = DocxRedliner.Redline(new MemoryStream(once), again, fixture.Options).Docx;

        Assert.AreEqual("", string.Join('\n', PackageLint.Check(twice)));
        Assert.AreEqual("", string.Join('\n', Validation.NewErrors(once, twice)));
    }

    [TestMethod]
    public void Redline_EditSplittingSurrogatePair_SkippedAsInvalid()
    {
        var docx = DocBuilder.Build((main, body) => body.Append(DocBuilder.P(DocBuilder.R("Emoji \uD83D\uDE00 rights"))));
        var analysis = new AnalysisBuilder(docx).Edits("f1", "Emoji", new Edit(7, 1, "")).Build();

        var result = DocxRedliner.Redline(new MemoryStream(docx), analysis);

        Assert.AreEqual(SkipReason.InvalidEdit, result.Skipped.Single().Reason);
    }
}

using System.Xml.Linq;
using WordRedline.Core;
using static WordRedline.Docx.Tests.Package;

namespace WordRedline.Docx.Tests;

/// <summary>High risks the engine has no edit for, written as comments so the document's reader learns of them.</summary>
[TestClass]
public sealed class RiskCommentTests
{
    [TestMethod]
    public void Redline_HighRiskWithoutEdit_CommentRangeIsItsQuoteAndTheNoteIsTheFindingsComment()
    {
        var result = Fixtures.Get("risks").Redline();
        var comments = Comments(result.Docx);

        var range = Range(result.Docx, comments.Single(c => c.Value.StartsWith("Proposed for r1", StringComparison.Ordinal)).Key);

        Assert.AreEqual("perpetual, irrevocable", range);
    }

    [TestMethod]
    public void Redline_RiskQuoteEndingInAFieldResult_CommentCoversTheParagraphWithTheNeutralNote()
    {
        var result = Fixtures.Get("risks").Redline();
        var comments = Comments(result.Docx);

        var range = Range(result.Docx, comments.Single(c => c.Value == RedlineWriter.RiskNote).Key);

        Assert.AreEqual("The assignment in Section 4.2 is irrevocable.", range);
    }

    [TestMethod]
    public void Redline_Risks_OnlyHighOnesWithoutAnEditAreFlagged()
    {
        var result = Fixtures.Get("risks").Redline();

        Assert.AreSequenceEqual<string>(["r1", "r2"], result.Flagged.Select(f => f.SuggestionId));
        Assert.AreSequenceEqual<string>(["f1"], result.Applied.Select(a => a.SuggestionId));
        Assert.IsTrue(result.Flagged.All(f => f.Revisions == 0));
    }

    [TestMethod]
    public void Redline_DefaultOptions_NoRiskComments()
    {
        var fixture = Fixtures.Get("risks");

        var result = DocxRedliner.Redline(new MemoryStream(fixture.Input), fixture.Analysis.Build(), fixture.Options with { RiskComments = false });

        Assert.IsFalse(new RedlineOptions().RiskComments);
        Assert.IsEmpty(result.Flagged);
        Assert.HasCount(1, Comments(result.Docx));
    }

    [TestMethod]
    public void Redline_CommentsOff_NoRiskCommentsEither()
    {
        var fixture = Fixtures.Get("risks");

        var result = DocxRedliner.Redline(new MemoryStream(fixture.Input), fixture.Analysis.Build(), fixture.Options with { Comments = false });

        Assert.IsEmpty(result.Flagged);
        Assert.IsFalse(HasPart(result.Docx, "word/comments.xml"));
    }

    [TestMethod]
    public void Redline_RiskInTheClauseADocumentFindingFollows_NotFlagged()
    {
        var fixture = Fixtures.Get("numbered");
        var analysis = new AnalysisBuilder(fixture.Input)
            .Risk("r1", "worldwide license")
            .DocumentFinding("d1", "worldwide license", new SuggestedParagraph("No training.", "Normal"))
            .Build();

        var result = DocxRedliner.Redline(new MemoryStream(fixture.Input), analysis, fixture.Options with { Addendum = null });

        Assert.IsEmpty(result.Flagged, "The new paragraph and its note already answer the clause.");
        Assert.AreSequenceEqual<string>(["d1"], result.Applied.Select(a => a.SuggestionId));
    }

    [TestMethod]
    public void Redline_Comment_OneParagraphPerLineAndNoTitle()
    {
        var docx = Fixtures.Get("formatting").Redline().Docx;

        var comment = Part(docx, "word/comments.xml").Descendants(W + "comment").First();

        Assert.AreSequenceEqual<string>(["annotationRef", "t"], comment.Descendants().Where(e => e.Name == W + "annotationRef" || e.Name == W + "t").Select(e => e.Name.LocalName));
        Assert.IsEmpty(comment.Descendants(W + "b"), "No bold title: the note is the whole comment.");
    }

    private static Dictionary<string, string> Comments(byte[] docx) => Part(docx, "word/comments.xml").Descendants(W + "comment")
        .ToDictionary(c => Attr(c, "id")!, c => string.Concat(c.Descendants(W + "t").Select(t => t.Value)));

    // The accepted-view text between a comment's range start and end (field codes and deletions left out).
    private static string Range(byte[] docx, string id)
    {
        var inside = false;
        var text = new System.Text.StringBuilder();
        foreach (var element in Body(docx).Descendants())
        {
            if (element.Name == W + "commentRangeStart" && Attr(element, "id") == id)
            {
                inside = true;
            }
            else if (element.Name == W + "commentRangeEnd" && Attr(element, "id") == id)
            {
                return text.ToString();
            }
            else if (inside && element.Name == W + "t")
            {
                text.Append(element.Value);
            }
        }

        throw new AssertFailedException($"Comment {id} has no range.");
    }
}

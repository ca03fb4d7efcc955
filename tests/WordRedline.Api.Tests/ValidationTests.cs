using System.Net;

using static WordRedline.Api.Tests.WordRedlineApiFactory;

namespace WordRedline.Api.Tests;

/// <summary>Every validation rule answers 400 with the field it concerns. The limit rules run on the host with small
/// limits (<see cref="WordRedlineApiFactory.Small"/>), so the requests stay small.</summary>
[TestClass]
public sealed class ValidationTests(TestContext testContext)
{
    private CancellationToken Cancel => testContext.CancellationToken;

    [TestMethod]
    public async Task Analyze_EmptyParagraphList_Is400()
    {
        var errors = await AnalyzeErrorsAsync("""{"paragraphs":[]}""");

        Assert.AreSequenceEqual(["Send at least one paragraph."], errors["paragraphs"]);
    }

    [TestMethod]
    public async Task Analyze_NullParagraphList_Is400()
    {
        var errors = await AnalyzeErrorsAsync("""{"paragraphs":null}""");

        Assert.AreSequenceEqual(["Send at least one paragraph."], errors["paragraphs"]);
    }

    [TestMethod]
    public async Task Analyze_NullParagraph_Is400()
    {
        var errors = await AnalyzeErrorsAsync("""{"paragraphs":[{"id":"p0","text":"Fees."},null]}""");

        Assert.AreSequenceEqual(["A paragraph cannot be null."], errors["paragraphs[1]"]);
    }

    [TestMethod]
    [DataRow("""{"paragraphs":[{"id":"","text":"Fees."}]}""", DisplayName = "empty id")]
    [DataRow("""{"paragraphs":[{"text":"Fees."}]}""", DisplayName = "missing id")]
    [DataRow("""{"paragraphs":[{"id":null,"text":"Fees."}]}""", DisplayName = "null id")]
    public async Task Analyze_EmptyId_Is400(string body)
    {
        var errors = await AnalyzeErrorsAsync(body);

        Assert.AreSequenceEqual(["Every paragraph needs a non-empty id."], errors["paragraphs[0].id"]);
    }

    [TestMethod]
    public async Task Analyze_DuplicateIds_Is400NamingTheSecond()
    {
        var errors = await AnalyzeErrorsAsync("""{"paragraphs":[{"id":"p0","text":"Fees."},{"id":"p1","text":"Term."},{"id":"p0","text":"Law."}]}""");

        Assert.AreSequenceEqual(["The id is used by an earlier paragraph; ids must be unique."], errors["paragraphs[2].id"]);
        Assert.HasCount(1, errors);
    }

    [TestMethod]
    [DataRow("""{"paragraphs":[{"id":"p0","text":null}]}""", DisplayName = "null text")]
    [DataRow("""{"paragraphs":[{"id":"p0"}]}""", DisplayName = "missing text")]
    public async Task Analyze_NullText_Is400(string body)
    {
        var errors = await AnalyzeErrorsAsync(body);

        Assert.AreSequenceEqual(["Text cannot be null; send \"\" for an empty paragraph."], errors["paragraphs[0].text"]);
    }

    [TestMethod]
    public async Task Analyze_EmptyText_IsAccepted()
    {
        using var client = WordRedlineApiFactory.Local.CreateClient();

        using var response = await client.PostAsync("/api/v1/analyze", Contracts.RawJson("""{"paragraphs":[{"id":"p0","text":""}]}"""), Cancel);

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [TestMethod]
    public async Task Analyze_TooManyParagraphs_Is400()
    {
        var errors = await AnalyzeErrorsAsync(Contracts.Request(Enumerable.Repeat("Fees.", SmallLimits.MaxParagraphs + 1)), Small);

        Assert.AreSequenceEqual(["Send at most 10 paragraphs (WordRedline:Limits:MaxParagraphs)."], errors["paragraphs"]);
    }

    [TestMethod]
    public async Task Analyze_ParagraphsAtTheLimits_AreAccepted()
    {
        using var client = Small.CreateClient();
        var request = Contracts.Request([new string('a', 100), new string('b', 100), new string('c', 100)]);

        using var response = await client.PostAsync("/api/v1/analyze", Contracts.Json(request), Cancel);

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [TestMethod]
    public async Task Analyze_ParagraphOverTheLimit_Is400()
    {
        var errors = await AnalyzeErrorsAsync(Contracts.Request(["Fees.", new string('a', 101)]), Small);

        Assert.AreSequenceEqual(
            ["The paragraph has 101 characters; the limit is 100 (WordRedline:Limits:MaxParagraphChars)."],
            errors["paragraphs[1].text"]);
    }

    [TestMethod]
    public async Task Analyze_TotalTextOverTheLimit_Is400()
    {
        var errors = await AnalyzeErrorsAsync(Contracts.Request(Enumerable.Repeat(new string('a', 76), 4)), Small);

        Assert.AreSequenceEqual(
            ["The paragraphs hold 304 characters; the limit is 300 (WordRedline:Limits:MaxTotalChars)."],
            errors["paragraphs"]);
    }

    [TestMethod]
    public async Task Analyze_UnknownPlaybook_Is400()
    {
        var errors = await AnalyzeErrorsAsync(Contracts.Request(Contracts.DesignAgreement, playbook: "no-such-playbook"));

        Assert.AreSequenceEqual(["Unknown playbook. Known: freelancer-ai."], errors["playbook"]);
    }

    [TestMethod]
    public async Task Analyze_PartyLongerThan200_Is400()
    {
        var errors = await AnalyzeErrorsAsync(Contracts.Request(Contracts.DesignAgreement, party: new string('P', 201)));

        Assert.AreSequenceEqual(
            ["The length of 'Party' must be 200 characters or fewer. You entered 201 characters."], errors["party"]);
    }

    [TestMethod]
    public async Task Analyze_SeveralProblems_AreReportedTogether()
    {
        var errors = await AnalyzeErrorsAsync("""{"paragraphs":[{"id":"p0","text":null},{"id":"p0","text":"Fees."}],"playbook":"x"}""");

        Assert.AreSequenceEqual(["paragraphs[0].text", "paragraphs[1].id", "playbook"], errors.Keys, SequenceOrder.InAnyOrder);
    }

    [TestMethod]
    [DataRow("party")]
    [DataRow("counterparty")]
    [DataRow("workTerm")]
    public async Task Addendum_TermLongerThan200_Is400(string field)
    {
        var errors = await AddendumErrorsAsync($$"""{"{{field}}":"{{new string('T', 201)}}"}""");

        Assert.HasCount(1, errors[field]);
        Assert.StartsWith("The length of ", errors[field][0]);
    }

    [TestMethod]
    [DataRow("party")]
    [DataRow("counterparty")]
    [DataRow("workTerm")]
    public async Task Addendum_EmptyTerm_Is400(string field)
    {
        var errors = await AddendumErrorsAsync($$"""{"{{field}}":""}""");

        Assert.HasCount(1, errors[field]);
        Assert.EndsWith("must not be empty.", errors[field][0]);
    }

    [TestMethod]
    public async Task Addendum_UnknownFormat_Is400()
    {
        var errors = await AddendumErrorsAsync("""{"format":"pdf"}""");

        Assert.AreSequenceEqual(["Format must be \"paragraphs\" or \"text\"."], errors["format"]);
    }

    [TestMethod]
    public async Task Addendum_UnknownPlaybook_Is400()
    {
        var errors = await AddendumErrorsAsync("""{"playbook":"no-such-playbook"}""");

        Assert.AreSequenceEqual(["Unknown playbook. Known: freelancer-ai."], errors["playbook"]);
    }

    private async Task<Dictionary<string, string[]>> AnalyzeErrorsAsync(string body, WordRedlineApiFactory? host = null) =>
        await ErrorsAsync("/api/v1/analyze", Contracts.RawJson(body), host);

    private async Task<Dictionary<string, string[]>> AnalyzeErrorsAsync(Core.AnalyzeRequest request, WordRedlineApiFactory? host = null) =>
        await ErrorsAsync("/api/v1/analyze", Contracts.Json(request), host);

    private async Task<Dictionary<string, string[]>> AddendumErrorsAsync(string body) =>
        await ErrorsAsync("/api/v1/addendum", Contracts.RawJson(body), null);

    private async Task<Dictionary<string, string[]>> ErrorsAsync(string path, HttpContent content, WordRedlineApiFactory? host)
    {
        using var client = (host ?? Local).CreateClient();
        using var response = await client.PostAsync(path, content, Cancel);
        return await Http.ValidationErrorsAsync(response, Cancel);
    }
}

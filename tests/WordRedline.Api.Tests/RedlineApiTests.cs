using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using WordRedline.Api.Tests.Fixtures;
using WordRedline.Core;
using WordRedline.Docx;
using W = DocumentFormat.OpenXml.Wordprocessing;

using static WordRedline.Api.Tests.WordRedlineApiFactory;

namespace WordRedline.Api.Tests;

/// <summary>The .docx endpoints over real HTTP with real Word files: the redlined file opens in the Open XML SDK and
/// reads back with the protective wording; every hostile or wrong upload is a 4xx problem, never a 500.</summary>
[TestClass]
public sealed class RedlineApiTests(TestContext testContext)
{
    private const string Redline = "/api/v1/redline";
    private const string AnalyzeDocx = "/api/v1/analyze/docx";
    private const string RiskyWording = "for any and all purposes";

    private CancellationToken Cancel => testContext.CancellationToken;

    private static ClauseEngine Engine => WordRedlineApiFactory.Local.Services.GetRequiredService<ClauseEngine>();

    [TestMethod]
    public async Task Redline_Contract_ReturnsTrackedChangesWithComments()
    {
        using var response = await Http.PostAsync(Local, Redline, DocxFiles.Form(DocxFiles.Contract(), "Design Agreement v2.docx"), Cancel);

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, await response.Content.ReadAsStringAsync(Cancel));
        Assert.AreEqual(DocxFiles.DocxContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.AreEqual("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.AreEqual("Design Agreement v2.redlined.docx", response.Content.Headers.ContentDisposition?.FileNameStar);
        var output = await response.Content.ReadAsByteArrayAsync(Cancel);
        var (insertions, deletions, comments, authors) = Revisions(output);
        var applied = HeaderInt(response, "X-WordRedline-Applied");
        Assert.IsGreaterThan(0, applied);
        Assert.AreEqual(0, HeaderInt(response, "X-WordRedline-Skipped"));
        Assert.IsGreaterThan(0, HeaderInt(response, "X-WordRedline-Findings"));
        Assert.IsTrue(int.TryParse(Header(response, "X-WordRedline-Score"), CultureInfo.InvariantCulture, out _));
        Assert.IsGreaterThan(0, insertions);
        Assert.IsGreaterThan(0, deletions);
        Assert.AreEqual(applied, comments);
        Assert.AreSequenceEqual(["WordRedline"], authors);
    }

    [TestMethod]
    public async Task Redline_Contract_AcceptedTextHasTheProtectiveWording()
    {
        var input = DocxFiles.Contract();
        var analysis = Engine.Analyze(DocxReader.Read(new MemoryStream(input)).ToAnalyzeRequest());
        var grant = analysis.Findings.Where(f => f.Quote.Contains(RiskyWording, StringComparison.Ordinal) && f.Edits.Count > 0).ToList();
        Assert.IsNotEmpty(grant, "the engine should propose an edit for the open-ended grant");

        using var response = await Http.PostAsync(Local, Redline, DocxFiles.Form(input), Cancel);

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        var accepted = string.Join('\n', DocxReader.Read(new MemoryStream(await response.Content.ReadAsByteArrayAsync(Cancel))).Paragraphs.Select(p => p.Text));
        Assert.DoesNotContain(RiskyWording, accepted);
        foreach (var edit in grant.SelectMany(f => f.Edits).Where(e => e.Replacement.Length > 0))
        {
            Assert.Contains(edit.Replacement, accepted);
        }
    }

    [TestMethod]
    public async Task Redline_AuthorAndNoComments_UsesTheAuthorAndAddsNoComments()
    {
        using var response = await Http.PostAsync(Local, Redline, DocxFiles.Form(DocxFiles.Contract(), fields: [("author", "Jordan Ellis"), ("comments", "false")]), Cancel);

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        var (insertions, _, comments, authors) = Revisions(await response.Content.ReadAsByteArrayAsync(Cancel));
        Assert.IsGreaterThan(0, insertions);
        Assert.AreEqual(0, comments);
        Assert.AreSequenceEqual(["Jordan Ellis"], authors);
    }

    [TestMethod]
    public async Task Redline_RiskComments_FlagsTheHighRisksWithoutAnEditOnlyWhenAsked()
    {
        var input = DocxFiles.Document(
        [
            "This Agreement is between Acme Agency Ltd (the \"Agency\") and Jane Doe (the \"Designer\").",
            "The Designer hereby irrevocably assigns to the Agency all right, title and interest in the Deliverables.",
            // A list lead-in: no sentence ends here to add a carve-out after, so this risk keeps no edit.
            "The following shall be works made for hire owned by the Agency:",
            "(a) logo concepts; and",
            "(b) brand guidelines,",
            "in each case as delivered under this Agreement",
        ]);

        using var flagged = await Http.PostAsync(Local, Redline, DocxFiles.Form(input, fields: ("riskComments", "true")), Cancel);
        using var plain = await Http.PostAsync(Local, Redline, DocxFiles.Form(input), Cancel);
        using var invalid = await Http.PostAsync(Local, Redline, DocxFiles.Form(input, fields: ("riskComments", "maybe")), Cancel);

        Assert.AreEqual(HttpStatusCode.OK, flagged.StatusCode);
        var count = HeaderInt(flagged, "X-WordRedline-Flagged");
        Assert.IsGreaterThan(0, count);
        Assert.AreEqual(HeaderInt(flagged, "X-WordRedline-Applied") + count, Revisions(await flagged.Content.ReadAsByteArrayAsync(Cancel)).Comments);
        Assert.AreEqual(0, HeaderInt(plain, "X-WordRedline-Flagged"));
        Assert.AreEqual(HttpStatusCode.BadRequest, invalid.StatusCode);
    }

    [TestMethod]
    public async Task Redline_Addendum_AppendsTheAddendumHeading()
    {
        var input = DocxFiles.Contract();
        var party = Engine.Analyze(DocxReader.Read(new MemoryStream(input)).ToAnalyzeRequest()).Party;
        var heading = Engine.RenderAddendum(new AddendumTerms(party.Name, party.Counterparty, party.WorkTerm)).Paragraphs[0].Text;

        using var withAddendum = await Http.PostAsync(Local, Redline, DocxFiles.Form(input, fields: ("addendum", "true")), Cancel);
        using var without = await Http.PostAsync(Local, Redline, DocxFiles.Form(input), Cancel);

        Assert.Contains(heading, AcceptedParagraphs(await withAddendum.Content.ReadAsByteArrayAsync(Cancel)));
        Assert.DoesNotContain(heading, AcceptedParagraphs(await without.Content.ReadAsByteArrayAsync(Cancel)));
    }

    [TestMethod]
    public async Task AnalyzeDocx_Contract_IsTheAnalyzeAnswer()
    {
        var input = DocxFiles.Contract();
        var expected = Engine.Analyze(DocxReader.Read(new MemoryStream(input)).ToAnalyzeRequest(party: "Contractor"));

        using var response = await Http.PostAsync(Local, AnalyzeDocx, DocxFiles.Form(input, fields: ("party", "Contractor")), Cancel);

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.AreEqual("application/json", response.Content.Headers.ContentType?.MediaType);
        var actual = await response.Content.ReadFromJsonAsync(WordRedlineJson.Default.AnalyzeResponse, Cancel);
        Assert.IsNotNull(actual);
        Assert.AreEqual(
            JsonSerializer.Serialize(expected, WordRedlineJson.Default.AnalyzeResponse),
            JsonSerializer.Serialize(actual, WordRedlineJson.Default.AnalyzeResponse));
        Assert.Contains(f => f.Category == Category.UsageScope, actual.Findings);
        Assert.IsTrue(actual.Findings.All(f => f.ParagraphId.StartsWith("body/p[", StringComparison.Ordinal)));
    }

    [TestMethod]
    [DataRow(DocxRejection.TooLarge, 413)]
    [DataRow(DocxRejection.NotZip, 415)]
    [DataRow(DocxRejection.Encrypted, 415)]
    [DataRow(DocxRejection.LegacyDoc, 415)]
    [DataRow(DocxRejection.MacroEnabled, 415)]
    [DataRow(DocxRejection.Template, 415)]
    [DataRow(DocxRejection.NotWordDocument, 415)]
    [DataRow(DocxRejection.ZipBomb, 400)]
    [DataRow(DocxRejection.TooManyEntries, 400)]
    [DataRow(DocxRejection.MissingMainPart, 400)]
    [DataRow(DocxRejection.DtdForbidden, 400)]
    [DataRow(DocxRejection.Malformed, 400)]
    [DataRow(DocxRejection.TooManyParagraphs, 400)]
    public void StatusFor_EveryRejection_IsItsClientError(DocxRejection reason, int status) =>
        Assert.AreEqual(status, Api.Redline.RedlineApi.StatusFor(reason));

    [TestMethod]
    [DataRow(Redline)]
    [DataRow(AnalyzeDocx)]
    public async Task Post_EntraOnWithoutToken_Is401(string path)
    {
        using var client = WordRedlineApiFactory.Entra.CreateClient();

        using var response = await client.PostAsync(path, DocxFiles.Form(DocxFiles.Contract()), Cancel);

        await Http.ProblemAsync(response, HttpStatusCode.Unauthorized, Cancel);
    }

    [TestMethod]
    [DataRow(Redline)]
    [DataRow(AnalyzeDocx)]
    public async Task Post_EntraOnWithToken_Is200(string path)
    {
        using var client = WordRedlineApiFactory.Entra.CreateClient();

        using var response = await client.SendAsync(Http.Post(path, DocxFiles.Form(DocxFiles.Contract()), TestTokens.Create()), Cancel);

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [TestMethod]
    public async Task Post_EntraOnMissingScope_Is403()
    {
        using var client = WordRedlineApiFactory.Entra.CreateClient();

        using var response = await client.SendAsync(Http.Post(Redline, DocxFiles.Form(DocxFiles.Contract()), TestTokens.Create(scope: "other")), Cancel);

        Assert.AreEqual(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [TestMethod]
    [DataRow(Redline, "RedlineForm", "file,party,playbook,author,comments,addendum,riskComments")]
    [DataRow(AnalyzeDocx, "AnalyzeDocxForm", "file,party,playbook")]
    public async Task Swagger_UploadEndpoint_DocumentsTheMultipartForm(string path, string schema, string fields)
    {
        using var client = WordRedlineApiFactory.Local.CreateClient();
        using var document = JsonDocument.Parse(await client.GetStringAsync("/swagger/v1/swagger.json", Cancel));

        var root = document.RootElement;
        var body = root.GetProperty("paths").GetProperty(path).GetProperty("post").GetProperty("requestBody");
        var reference = body.GetProperty("content").GetProperty("multipart/form-data").GetProperty("schema").GetProperty("$ref").GetString();
        Assert.AreEqual($"#/components/schemas/{schema}", reference);
        var properties = root.GetProperty("components").GetProperty("schemas").GetProperty(schema).GetProperty("properties");
        Assert.AreSequenceEqual(fields.Split(',').Order(StringComparer.Ordinal).ToArray(),
            properties.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray());
        Assert.AreEqual("binary", properties.GetProperty("file").GetProperty("format").GetString());
    }

    [TestMethod]
    public async Task Swagger_Redline_DocumentsTheDocxResponse()
    {
        using var client = WordRedlineApiFactory.Local.CreateClient();
        using var document = JsonDocument.Parse(await client.GetStringAsync("/swagger/v1/swagger.json", Cancel));

        var ok = document.RootElement.GetProperty("paths").GetProperty(Redline).GetProperty("post").GetProperty("responses").GetProperty("200");

        Assert.AreSequenceEqual([DocxFiles.DocxContentType], ok.GetProperty("content").EnumerateObject().Select(c => c.Name).ToArray());
    }

    [TestMethod]
    [DataRow("contract.docx", "contract")]
    [DataRow("C:\\Users\\jo\\Agreement.DOCX", "Agreement")]
    [DataRow("../../etc/passwd", "passwd")]
    [DataRow("a\"b\u0001c.docx", "a_b_c")]
    [DataRow("", "document")]
    [DataRow("...", "document")]
    public void BaseName_UploadedName_IsSafe(string fileName, string expected) =>
        Assert.AreEqual(expected, Api.Redline.RedlineApi.BaseName(fileName));

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.Single() : null;

    private static int HeaderInt(HttpResponseMessage response, string name) =>
        int.Parse(Header(response, name) ?? "-1", CultureInfo.InvariantCulture);

    private static List<string> AcceptedParagraphs(byte[] docx) =>
        [.. DocxReader.Read(new MemoryStream(docx)).Paragraphs.Select(p => p.Text)];

    /// <summary>Opens the document with the SDK and counts its revisions and comments, with the revision authors.</summary>
    private static (int Insertions, int Deletions, int Comments, string[] Authors) Revisions(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var main = document.MainDocumentPart!;
        var body = main.Document!.Body!;
        var insertions = body.Descendants<W.InsertedRun>().ToList();
        var deletions = body.Descendants<W.DeletedRun>().ToList();
        var comments = main.WordprocessingCommentsPart?.Comments?.Elements<W.Comment>().Count() ?? 0;
        var authors = insertions.Select(i => i.Author?.Value).Concat(deletions.Select(d => d.Author?.Value)).OfType<string>().Distinct().ToArray();
        return (insertions.Count, deletions.Count, comments, authors);
    }
}

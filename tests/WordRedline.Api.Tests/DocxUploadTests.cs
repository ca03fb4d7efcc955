using System.Net;
using System.Net.Http.Headers;
using System.Text;
using WordRedline.Api.Tests.Fixtures;

using static WordRedline.Api.Tests.WordRedlineApiFactory;

namespace WordRedline.Api.Tests;

/// <summary>What a .docx upload can get wrong, and the answer each gets: too large (413, from the header or while the
/// body streams in), not multipart (415), not a Word file or a hostile one (415/400 with its code), bad form fields
/// (400 naming each); never a 500, and never the document's text in the logs.</summary>
[TestClass]
public sealed class DocxUploadTests(TestContext testContext)
{
    private const string Redline = "/api/v1/redline";
    private const string AnalyzeDocx = "/api/v1/analyze/docx";

    private CancellationToken Cancel => testContext.CancellationToken;

    [TestMethod]
    [DataRow(Redline)]
    [DataRow(AnalyzeDocx)]
    public async Task Post_UploadOverRequestLimitButUnderUploadLimit_Is200(string path)
    {
        using var response = await Http.PostAsync(Small, path, DocxFiles.Form(DocxFiles.Padded(32 * 1024)), Cancel);

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, await response.Content.ReadAsStringAsync(Cancel));
    }

    [TestMethod]
    [DataRow(Redline)]
    [DataRow(AnalyzeDocx)]
    public async Task Post_UploadOverTheUploadLimit_Is413(string path)
    {
        using var response = await Http.PostAsync(Small, path, DocxFiles.Form(DocxFiles.Padded(128 * 1024)), Cancel);

        var problem = await Http.ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, Cancel);
        Assert.AreEqual("The request body is larger than the limit of 65536 bytes (WordRedline:Limits:MaxUploadBytes).",
            problem.GetProperty("detail").GetString());
    }

    /// <summary>Without a Content-Length the limit is enforced while the form is read, still without buffering it all.</summary>
    [TestMethod]
    public async Task Redline_ChunkedUploadOverTheUploadLimit_Is413()
    {
        using var client = WordRedlineApiFactory.Small.CreateClient();
        using var response = await PostChunkedUploadAsync(client, 128 * 1024);

        await Http.ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, Cancel);
    }

    /// <summary>On real Kestrel, whose own body cap is MaxRequestBytes: a chunked upload above it but within
    /// MaxUploadBytes gets through, so the upload endpoints really raise the cap.</summary>
    [TestMethod]
    public async Task Kestrel_ChunkedUploadOverRequestLimitButUnderUploadLimit_Is200()
    {
        using var client = WordRedlineApiFactory.SmallKestrel.KestrelClient();
        using var response = await PostChunkedUploadAsync(client, 32 * 1024);

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [TestMethod]
    [DataRow("not-a-zip", HttpStatusCode.UnsupportedMediaType)]
    [DataRow("macro-enabled", HttpStatusCode.UnsupportedMediaType)]
    [DataRow("template", HttpStatusCode.UnsupportedMediaType)]
    [DataRow("encrypted", HttpStatusCode.UnsupportedMediaType)]
    [DataRow("legacy-doc", HttpStatusCode.UnsupportedMediaType)]
    [DataRow("missing-main-part", HttpStatusCode.BadRequest)]
    [DataRow("dtd-forbidden", HttpStatusCode.BadRequest)]
    [DataRow("zip-bomb", HttpStatusCode.BadRequest)]
    public async Task Post_HostileOrWrongFile_IsProblemWithItsCode(string code, HttpStatusCode status)
    {
        var file = DocxFiles.Hostile(code);
        foreach (var path in new[] { Redline, AnalyzeDocx })
        {
            using var response = await Http.PostAsync(Local, path, DocxFiles.Form(file), Cancel);

            var problem = await Http.ProblemAsync(response, status, Cancel);
            Assert.AreEqual(code, problem.GetProperty("code").GetString(), path);
            Assert.IsFalse(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        }
    }

    [TestMethod]
    public async Task Redline_MoreParagraphsThanTheLimit_Is400()
    {
        var paragraphs = Enumerable.Range(0, WordRedlineApiFactory.SmallLimits.MaxParagraphs + 1).Select(i => $"Clause {i}.");

        using var response = await Http.PostAsync(Small, Redline, DocxFiles.Form(DocxFiles.Document(paragraphs)), Cancel);

        var problem = await Http.ProblemAsync(response, HttpStatusCode.BadRequest, Cancel);
        Assert.AreEqual("too-many-paragraphs", problem.GetProperty("code").GetString());
    }

    [TestMethod]
    [DataRow(Redline)]
    [DataRow(AnalyzeDocx)]
    public async Task Post_NoFile_Is400NamingFile(string path)
    {
        using var response = await Http.PostAsync(Local, path, DocxFiles.Form(null, fields: ("party", "Contractor")), Cancel);

        var errors = await Http.ValidationErrorsAsync(response, Cancel);
        Assert.AreSequenceEqual(["file"], errors.Keys.ToArray());
        Assert.AreSequenceEqual(["Attach the .docx in the form field 'file'."], errors["file"]);
    }

    [TestMethod]
    public async Task Redline_EmptyFile_Is400()
    {
        using var response = await Http.PostAsync(Local, Redline, DocxFiles.Form([]), Cancel);

        var errors = await Http.ValidationErrorsAsync(response, Cancel);
        Assert.AreSequenceEqual(["The file is empty."], errors["file"]);
    }

    [TestMethod]
    public async Task Redline_TwoFiles_Is400()
    {
        using var form = DocxFiles.Form(DocxFiles.Contract());
        form.Add(new ByteArrayContent(DocxFiles.Contract()), "file", "second.docx");

        using var response = await Http.PostAsync(Local, Redline, form, Cancel);

        var errors = await Http.ValidationErrorsAsync(response, Cancel);
        Assert.AreSequenceEqual(["Attach one file; the form has 2."], errors["file"]);
    }

    [TestMethod]
    [DataRow("author", 101, "author")]
    [DataRow("party", 201, "party")]
    public async Task Redline_FieldTooLong_Is400(string field, int length, string key)
    {
        using var response = await Http.PostAsync(Local, Redline, DocxFiles.Form(DocxFiles.Contract(), fields: (field, new string('a', length))), Cancel);

        var errors = await Http.ValidationErrorsAsync(response, Cancel);
        Assert.AreSequenceEqual([key], errors.Keys.ToArray());
    }

    [TestMethod]
    public async Task Redline_AuthorAtTheLimit_Is200()
    {
        using var response = await Http.PostAsync(Local, Redline, DocxFiles.Form(DocxFiles.Contract(), fields: ("author", new string('a', 100))), Cancel);

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [TestMethod]
    public async Task Redline_BadFields_Are400WithEachField()
    {
        using var response = await Http.PostAsync(Local, Redline, DocxFiles.Form(DocxFiles.Contract(), fields:
            [("comments", "maybe"), ("addendum", "yes"), ("author", "Jordan\u0007Ellis"), ("playbook", "no-such-playbook")]), Cancel);

        var errors = await Http.ValidationErrorsAsync(response, Cancel);
        Assert.AreSequenceEqual(["addendum", "author", "comments", "playbook"], errors.Keys.Order(StringComparer.Ordinal).ToArray());
        Assert.AreSequenceEqual(["Send true or false."], errors["comments"]);
        Assert.AreSequenceEqual(["Unknown playbook. Known: freelancer-ai."], errors["playbook"]);
    }

    [TestMethod]
    public async Task AnalyzeDocx_UnknownPlaybook_Is400()
    {
        using var response = await Http.PostAsync(Local, AnalyzeDocx, DocxFiles.Form(DocxFiles.Contract(), fields: ("playbook", "no-such-playbook")), Cancel);

        var errors = await Http.ValidationErrorsAsync(response, Cancel);
        Assert.AreSequenceEqual(["playbook"], errors.Keys.ToArray());
    }

    [TestMethod]
    [DataRow(Redline, "application/json")]
    [DataRow(Redline, "application/x-www-form-urlencoded")]
    [DataRow(AnalyzeDocx, DocxFiles.DocxContentType)]
    public async Task Post_NotMultipart_Is415(string path, string contentType)
    {
        using var content = new ByteArrayContent(DocxFiles.Contract());
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);

        using var response = await Http.PostAsync(Local, path, content, Cancel);

        var problem = await Http.ProblemAsync(response, HttpStatusCode.UnsupportedMediaType, Cancel);
        Assert.AreEqual("Send the .docx as multipart/form-data, the file in the field 'file'.", problem.GetProperty("detail").GetString());
    }

    [TestMethod]
    [DataRow("multipart/form-data", "--x\r\nContent-Disposition: form-data; name=\"file\"")]
    [DataRow("multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.docx\"\r\n\r\nPK")]
    [DataRow("multipart/form-data; boundary=x", "not multipart at all")]
    public async Task Post_MalformedMultipart_Is400Problem(string contentType, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);

        using var response = await Http.PostAsync(Local, Redline, content, Cancel);

        await Http.ProblemAsync(response, HttpStatusCode.BadRequest, Cancel);
    }

    [TestMethod]
    public async Task Logs_UploadedDocument_NeverContainItsText()
    {
        const string CanaryCore = "5d1e8b7c";
        const string Canary = $"CANARY-{CanaryCore}-UPLOADED-CLAUSE";
        var host = WordRedlineApiFactory.Traced;
        using var client = host.CreateClient();
        var document = DocxFiles.Document([.. Contracts.DesignAgreement, $"8. Confidential. {Canary} shall remain secret."]);

        using var redlined = await client.PostAsync(Redline,
            DocxFiles.Form(document, $"{Canary}.docx", ("author", Canary), ("addendum", "true")), Cancel);
        using var analyzed = await client.PostAsync(AnalyzeDocx, DocxFiles.Form(document, $"{Canary}.docx", ("party", "Contractor")), Cancel);
        using var invalid = await client.PostAsync(Redline,
            DocxFiles.Form(document, $"{Canary}.docx", ("playbook", Canary), ("comments", Canary)), Cancel);
        using var rejected = await client.PostAsync(Redline, DocxFiles.Form(Encoding.UTF8.GetBytes(Canary), $"{Canary}.docx"), Cancel);

        Assert.AreSequenceEqual(
            [HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.UnsupportedMediaType],
            [redlined.StatusCode, analyzed.StatusCode, invalid.StatusCode, rejected.StatusCode]);
        var lines = host.Logs.Lines;
        // The capture sees the structured lines of these requests, so an empty or filtered capture cannot pass.
        Assert.Contains(line => line.Contains("Redlined a ", StringComparison.Ordinal), lines);
        Assert.Contains(line => line.Contains("Refused a .docx upload: not-a-zip (415)", StringComparison.Ordinal), lines);
        Assert.Contains(line => line.Contains($"Analyzed {Contracts.DesignAgreement.Length + 1} paragraphs", StringComparison.Ordinal), lines);
        Assert.Contains(line => line.Contains("HTTP POST /api/v1/redline answered 400", StringComparison.Ordinal), lines);
        Assert.DoesNotContain(line => line.Contains(CanaryCore, StringComparison.OrdinalIgnoreCase), lines,
            string.Join('\n', lines.Where(line => line.Contains(CanaryCore, StringComparison.OrdinalIgnoreCase))));
    }


    // A padded .docx upload sent without a Content-Length, so limits must be enforced while the body streams in.
    private async Task<HttpResponseMessage> PostChunkedUploadAsync(HttpClient client, int paddingBytes)
    {
        using var form = DocxFiles.Form(DocxFiles.Padded(paddingBytes));
        using var content = new StreamContent(await form.ReadAsStreamAsync(Cancel));
        content.Headers.ContentType = form.Headers.ContentType;
        using var request = new HttpRequestMessage(HttpMethod.Post, Redline) { Content = content };
        request.Headers.TransferEncodingChunked = true;
        return await client.SendAsync(request, Cancel);
    }
}

using System.Net;
using System.Text.Json;
using WordRedline.Api.Tests.Fixtures;
using static WordRedline.Api.Tests.WordRedlineApiFactory;

namespace WordRedline.Api.Tests;

/// <summary>Every caller-chosen field has a limit and refuses control characters, and the 400 that says so is short
/// and never quotes the value: a 4 MB id or a 5 MB playbook name must not come back as a 4 MB error.</summary>
[TestClass]
public sealed class FieldLimitsTests(TestContext testContext)
{
    private const int ShortBody = 1024;

    private CancellationToken Cancel => testContext.CancellationToken;

    [TestMethod]
    public async Task Analyze_FourMegabyteId_Is400Short()
    {
        var id = new string('i', 4 * 1024 * 1024);

        var (errors, length) = await ErrorsAsync("/api/v1/analyze", JsonSerializer.Serialize(new { paragraphs = new[] { new { id, text = "Fees." } } }));

        Assert.AreSequenceEqual(["An id has at most 256 characters; this one has 4194304."], errors["paragraphs[0].id"]);
        Assert.IsLessThan(ShortBody, length);
    }

    [TestMethod]
    [DataRow("/api/v1/analyze", """{"paragraphs":[{"id":"p0","text":"Fees."}],"playbook":"PLAYBOOK"}""")]
    [DataRow("/api/v1/addendum", """{"playbook":"PLAYBOOK"}""")]
    public async Task Post_FiveMegabytePlaybookName_Is400Short(string path, string template)
    {
        var (errors, length) = await ErrorsAsync(path, template.Replace("PLAYBOOK", new string('p', 5 * 1024 * 1024), StringComparison.Ordinal));

        Assert.AreSequenceEqual(["The length of 'Playbook' must be 100 characters or fewer. You entered 5242880 characters."], errors["playbook"]);
        Assert.IsLessThan(ShortBody, length);
    }

    [TestMethod]
    [DataRow("/api/v1/analyze", """{"paragraphs":[{"id":"p0","text":"Fees."}],"party":"Jordan\u0000Ellis"}""", "party")]
    [DataRow("/api/v1/analyze", """{"paragraphs":[{"id":"p0","text":"Fees."}],"party":"\u001b[31mContractor"}""", "party")]
    [DataRow("/api/v1/addendum", """{"party":"Jordan\u0000Ellis"}""", "party")]
    [DataRow("/api/v1/addendum", """{"counterparty":"Client\u0007"}""", "counterparty")]
    [DataRow("/api/v1/addendum", """{"workTerm":"Deliverables\r\n"}""", "workTerm")]
    [DataRow("/api/v1/analyze", """{"paragraphs":[{"id":"p\u00000","text":"Fees."}]}""", "paragraphs[0].id")]
    public async Task Post_ControlCharacters_Is400NamingTheField(string path, string body, string field)
    {
        var (errors, length) = await ErrorsAsync(path, body);

        Assert.AreSequenceEqual([field], errors.Keys.ToArray());
        Assert.EndsWith("cannot contain control characters.", errors[field][0]);
        Assert.IsLessThan(ShortBody, length);
    }

    [TestMethod]
    public async Task Redline_PartyWithControlCharacters_Is400()
    {
        using var response = await Http.PostAsync(Local, "/api/v1/redline", DocxFiles.Form(DocxFiles.Contract(), fields: ("party", "Jordan\u001bEllis")), Cancel);

        var errors = await Http.ValidationErrorsAsync(response, Cancel);
        Assert.AreSequenceEqual(["Party cannot contain control characters."], errors["party"]);
    }

    [TestMethod]
    public async Task Analyze_IdAtTheLimit_Is200()
    {
        using var client = Local.CreateClient();
        var body = JsonSerializer.Serialize(new { paragraphs = new[] { new { id = new string('i', 256), text = "Fees." } } });

        using var response = await client.PostAsync("/api/v1/analyze", Contracts.RawJson(body), Cancel);

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<(Dictionary<string, string[]> Errors, int Length)> ErrorsAsync(string path, string body)
    {
        using var client = Local.CreateClient();
        using var response = await client.PostAsync(path, Contracts.RawJson(body), Cancel);
        var length = (await response.Content.ReadAsByteArrayAsync(Cancel)).Length;
        return (await Http.ValidationErrorsAsync(response, Cancel), length);
    }
}

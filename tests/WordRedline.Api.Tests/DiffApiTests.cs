using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WordRedline.Core;

namespace WordRedline.Api.Tests;

[TestClass]
public sealed class DiffApiTests(TestContext testContext)
{
    private const string Grant = "Contractor grants Client a license to use the Deliverables for any and all purposes.";

    private CancellationToken Cancel => testContext.CancellationToken;

    private static Edit Replace(string text, string old, string replacement) => new(text.IndexOf(old, StringComparison.Ordinal), old.Length, replacement);

    private async Task<HttpResponseMessage> PostAsync(WordRedlineApiFactory host, object body) =>
        await Http.PostAsync(host, "/api/v1/changes", JsonContent.Create(body), Cancel);

    private static async Task<Edit[]> ChangesAsync(HttpResponseMessage response, CancellationToken cancel)
    {
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, await response.Content.ReadAsStringAsync(cancel));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancel));
        return [.. json.RootElement.GetProperty("changes").EnumerateArray().Select(c =>
            new Edit(c.GetProperty("start").GetInt32(), c.GetProperty("length").GetInt32(), c.GetProperty("replacement").GetString()!))];
    }

    [TestMethod]
    public async Task Changes_EditedWording_ReturnsTheEnginesWordDiff()
    {
        var edit = Replace(Grant, "for any and all purposes", "for the purposes of the Project only");

        using var response = await PostAsync(WordRedlineApiFactory.Local, new { text = Grant, edits = new[] { edit } });

        var changes = await ChangesAsync(response, Cancel);
        Assert.AreSequenceEqual(WordDiff.Changes(Grant, [edit]).ToArray(), changes);
        // Whole words only, and the kept words ("for", "purposes") are not struck.
        Assert.IsTrue(changes.All(c => !Grant.Substring(c.Start, c.Length).Contains("for ", StringComparison.Ordinal)));
        Assert.AreEqual("for the purposes of the Project only.", Apply(Grant, changes)[Grant.IndexOf("for any", StringComparison.Ordinal)..]);
    }

    [TestMethod]
    public async Task Changes_InsertionAndReplacementInOneRequest_AppliesToTheIntendedText()
    {
        Edit[] edits = [Replace(Grant, "a license", "a limited license"), new(Grant.Length, 0, " Client shall not train AI on the Deliverables.")];

        using var response = await PostAsync(WordRedlineApiFactory.Local, new { text = Grant, edits });

        var changes = await ChangesAsync(response, Cancel);
        Assert.AreEqual(Apply(Grant, edits), Apply(Grant, changes));
        Assert.HasCount(2, changes);
    }

    [TestMethod]
    [DataRow("{\"text\":\"abc\",\"edits\":[]}", "edits", DisplayName = "no edits")]
    [DataRow("{\"text\":\"abc\",\"edits\":[{\"start\":2,\"length\":5,\"replacement\":\"x\"}]}", "edits[0]", DisplayName = "past the end")]
    [DataRow("{\"text\":\"abc\",\"edits\":[{\"start\":-1,\"length\":0,\"replacement\":\"x\"}]}", "edits[0]", DisplayName = "negative start")]
    [DataRow("{\"text\":\"abcdef\",\"edits\":[{\"start\":0,\"length\":3,\"replacement\":\"x\"},{\"start\":2,\"length\":2,\"replacement\":\"y\"}]}", "edits[1]", DisplayName = "overlapping")]
    [DataRow("{\"edits\":[{\"start\":0,\"length\":0,\"replacement\":\"x\"}]}", "text", DisplayName = "no text")]
    public async Task Changes_BadEdits_Returns400NamingTheField(string body, string field)
    {
        using var response = await Http.PostAsync(WordRedlineApiFactory.Local, "/api/v1/changes",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Cancel);

        var errors = await Http.ValidationErrorsAsync(response, Cancel);
        Assert.IsTrue(errors.ContainsKey(field), string.Join(", ", errors.Keys));
    }

    [TestMethod]
    public async Task Changes_TextOverTheParagraphLimit_Returns400()
    {
        var text = new string('a', WordRedlineApiFactory.SmallLimits.MaxParagraphChars + 1);

        using var response = await PostAsync(WordRedlineApiFactory.Small, new { text, edits = new[] { new Edit(0, 1, "b") } });

        var errors = await Http.ValidationErrorsAsync(response, Cancel);
        Assert.IsTrue(errors.ContainsKey("text"), string.Join(", ", errors.Keys));
    }

    [TestMethod]
    public async Task Changes_EntraModeWithoutToken_Returns401()
    {
        using var response = await PostAsync(WordRedlineApiFactory.Entra, new { text = Grant, edits = new[] { new Edit(0, 0, "x") } });

        await Http.ProblemAsync(response, HttpStatusCode.Unauthorized, Cancel);
    }

    private static string Apply(string text, IEnumerable<Edit> edits)
    {
        var result = text;
        foreach (var edit in edits.OrderByDescending(e => e.Start).ThenByDescending(e => e.Length))
        {
            result = result[..edit.Start] + edit.Replacement + result[(edit.Start + edit.Length)..];
        }

        return result;
    }
}

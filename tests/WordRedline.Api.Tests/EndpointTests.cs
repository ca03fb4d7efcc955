using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using WordRedline.Core;

namespace WordRedline.Api.Tests;

/// <summary>The happy path of every endpoint but analyze (see <see cref="AnalyzeApiTests"/>).</summary>
[TestClass]
public sealed class EndpointTests(TestContext testContext)
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private CancellationToken Cancel => testContext.CancellationToken;

    private static ClauseEngine Engine => WordRedlineApiFactory.Local.Services.GetRequiredService<ClauseEngine>();

    [TestMethod]
    public async Task Healthz_Always_AnswersAlive()
    {
        using var client = WordRedlineApiFactory.Local.CreateClient();

        var body = await client.GetStringAsync("/healthz", Cancel);

        Assert.AreEqual("""{"status":"alive"}""", body);
    }

    [TestMethod]
    public async Task Readyz_PlaybookLoaded_NamesIt()
    {
        using var client = WordRedlineApiFactory.Local.CreateClient();

        var body = await client.GetStringAsync("/readyz", Cancel);

        var playbook = Engine.DefaultPlaybook;
        Assert.AreEqual($$"""{"status":"ready","playbook":"{{playbook.Id}}@{{playbook.Version}}","rules":{{playbook.Rules.Count}},"identityProvider":"not-used","docxRunning":0,"docxQueued":0}""", body);
    }

    [TestMethod]
    public async Task Config_LocalMode_SaysAuthOffAndGivesTheLimits()
    {
        using var client = WordRedlineApiFactory.Local.CreateClient();

        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/v1/config", Cancel));

        var root = json.RootElement;
        Assert.AreEqual("""{"enabled":false,"clientId":null,"authority":null,"scopes":[]}""", root.GetProperty("auth").GetRawText());
        Assert.AreEqual("""{"maxParagraphs":20000,"maxParagraphChars":200000,"maxTotalChars":5000000,"maxRequestBytes":16777216}""",
            root.GetProperty("limits").GetRawText());
        Assert.AreEqual($"{Engine.DefaultPlaybook.Id}@{Engine.DefaultPlaybook.Version}", root.GetProperty("playbook").GetString());
        Assert.IsFalse(string.IsNullOrEmpty(root.GetProperty("version").GetString()));
    }

    [TestMethod]
    public async Task Config_EntraOn_GivesClientAuthorityAndScopeWithoutToken()
    {
        using var client = WordRedlineApiFactory.Entra.CreateClient();

        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/v1/config", Cancel));

        Assert.AreEqual(
            $$"""{"enabled":true,"clientId":"{{TestTokens.ClientId}}","authority":"https://login.microsoftonline.com/{{TestTokens.TenantId}}","scopes":["api://{{TestTokens.ClientId}}/access_as_user"]}""",
            json.RootElement.GetProperty("auth").GetRawText());
    }

    [TestMethod]
    public async Task Playbook_Get_ListsTheActivePlaybooksRules()
    {
        using var client = WordRedlineApiFactory.Local.CreateClient();

        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/v1/playbook", Cancel));

        var playbook = Engine.DefaultPlaybook;
        var root = json.RootElement;
        Assert.AreEqual(playbook.Id, root.GetProperty("id").GetString());
        Assert.AreEqual(playbook.Version, root.GetProperty("version").GetInt32());
        Assert.AreEqual(playbook.Title, root.GetProperty("title").GetString());
        var expected = playbook.Rules.Select(rule => $"{rule.Id}|{rule.Category.Id()}|{rule.Severity.Id()}|{rule.Title}|{rule.Explanation}").ToArray();
        var actual = root.GetProperty("rules").EnumerateArray().Select(rule =>
            $"{rule.GetProperty("id")}|{rule.GetProperty("category")}|{rule.GetProperty("severity")}|{rule.GetProperty("title")}|{rule.GetProperty("explanation")}").ToArray();
        Assert.AreSequenceEqual(expected, actual);
    }

    [TestMethod]
    public async Task Addendum_Terms_RendersWithThem()
    {
        using var client = WordRedlineApiFactory.Local.CreateClient();

        using var response = await client.PostAsync("/api/v1/addendum",
            Contracts.RawJson("""{"party":"Designer","counterparty":"Agency","workTerm":"Work Product"}"""), Cancel);

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        var rendered = Engine.RenderAddendum(new AddendumTerms("Designer", "Agency", "Work Product"));
        var root = json.RootElement;
        Assert.AreEqual("paragraphs", root.GetProperty("format").GetString());
        Assert.AreEqual("""{"party":"Designer","counterparty":"Agency","workTerm":"Work Product"}""", root.GetProperty("terms").GetRawText());
        Assert.AreEqual(JsonSerializer.Serialize(rendered.Paragraphs, Web), JsonSerializer.Serialize(root.GetProperty("paragraphs").Deserialize<SuggestedParagraph[]>(Web), Web));
        Assert.AreEqual(rendered.ReferenceSentence, root.GetProperty("referenceSentence").GetString());
        Assert.IsFalse(root.TryGetProperty("text", out _));
    }

    [TestMethod]
    public async Task Addendum_EmptyBodyAsText_UsesThePlaybooksTermsAndPlainText()
    {
        using var client = WordRedlineApiFactory.Local.CreateClient();

        using var response = await client.PostAsync("/api/v1/addendum", Contracts.RawJson("""{"format":"text"}"""), Cancel);

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        var playbook = Engine.DefaultPlaybook;
        var terms = new AddendumTerms(playbook.SupplierRoles[0], playbook.RecipientRoles[0], playbook.WorkTerms[0]);
        var root = json.RootElement;
        Assert.AreEqual("text", root.GetProperty("format").GetString());
        Assert.AreEqual(Engine.RenderAddendum(terms).ToText(), root.GetProperty("text").GetString());
        Assert.IsFalse(root.TryGetProperty("paragraphs", out _));
    }

    [TestMethod]
    public async Task Root_Get_RedirectsToThePane()
    {
        using var client = WordRedlineApiFactory.Local.CreateClient(new() { AllowAutoRedirect = false });

        using var response = await client.GetAsync("/", Cancel);

        Assert.AreEqual(HttpStatusCode.Redirect, response.StatusCode);
        Assert.AreEqual("/taskpane.html", response.Headers.Location?.OriginalString);
    }

    [TestMethod]
    public async Task UnknownRoute_Get_Is404Problem()
    {
        using var client = WordRedlineApiFactory.Local.CreateClient();

        using var response = await client.GetAsync("/api/v1/nothing-here", Cancel);

        await Http.ProblemAsync(response, HttpStatusCode.NotFound, Cancel);
    }
}

using System.Net;
using System.Text.Json;

namespace WordRedline.Api.Tests;

[TestClass]
public sealed class SwaggerTests(TestContext testContext)
{
    private CancellationToken Cancel => testContext.CancellationToken;

    [TestMethod]
    [DataRow("/api/v1/analyze", "post", "200,400,401,403,413,415,429")]
    [DataRow("/api/v1/addendum", "post", "200,400,401,403,413,415,429")]
    [DataRow("/api/v1/redline", "post", "200,400,401,403,413,415,429,503")]
    [DataRow("/api/v1/analyze/docx", "post", "200,400,401,403,413,415,429,503")]
    [DataRow("/api/v1/playbook", "get", "200,401,403,429")]
    [DataRow("/api/v1/config", "get", "200,429")]
    [DataRow("/healthz", "get", "200")]
    [DataRow("/readyz", "get", "200")]
    public async Task Document_Endpoint_HasSummaryAndItsResponses(string path, string method, string statuses)
    {
        using var document = await DocumentAsync(WordRedlineApiFactory.Local);

        var operation = document.RootElement.GetProperty("paths").GetProperty(path).GetProperty(method);

        Assert.IsFalse(string.IsNullOrWhiteSpace(operation.GetProperty("summary").GetString()));
        Assert.AreSequenceEqual(statuses.Split(','), operation.GetProperty("responses").EnumerateObject().Select(r => r.Name).Order().ToArray());
    }

    [TestMethod]
    public async Task Document_Paths_AreExactlyTheApi()
    {
        using var document = await DocumentAsync(WordRedlineApiFactory.Local);

        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(path => path.Name).Order().ToArray();

        Assert.AreSequenceEqual(
            ["/api/v1/addendum", "/api/v1/analyze", "/api/v1/analyze/docx", "/api/v1/changes", "/api/v1/config",
             "/api/v1/contracts", "/api/v1/contracts/{id}", "/api/v1/contracts/{id}/diff", "/api/v1/contracts/{id}/export", "/api/v1/contracts/{id}/letters/{kind}",
             "/api/v1/contracts/{id}/verify", "/api/v1/contracts/{id}/versions", "/api/v1/contracts/{id}/versions/{sequence}",
             "/api/v1/contracts/{id}/versions/{sequence}/sign", "/api/v1/contracts/{id}/versions/{sequence}/text",
             "/api/v1/playbook", "/api/v1/redline", "/healthz", "/readyz"],
            paths);
    }

    [TestMethod]
    public async Task Document_Analyze_DescribesTheContractSchemas()
    {
        using var document = await DocumentAsync(WordRedlineApiFactory.Local);

        var root = document.RootElement;
        var analyze = root.GetProperty("paths").GetProperty("/api/v1/analyze").GetProperty("post");
        Assert.AreEqual("#/components/schemas/AnalyzeRequest",
            analyze.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString());
        Assert.AreEqual("#/components/schemas/AnalyzeResponse",
            analyze.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString());
        Assert.IsTrue(analyze.GetProperty("responses").GetProperty("400").GetProperty("content").TryGetProperty("application/problem+json", out _));
        var finding = root.GetProperty("components").GetProperty("schemas").GetProperty("Finding").GetProperty("properties");
        foreach (var name in new[] { "id", "paragraphId", "category", "severity", "start", "length", "quote", "edits", "rationale" })
        {
            Assert.IsTrue(finding.TryGetProperty(name, out _), $"Finding lacks '{name}'");
        }
    }

    [TestMethod]
    public async Task Document_Enums_AreTheContractIds()
    {
        using var document = await DocumentAsync(WordRedlineApiFactory.Local);

        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");

        Assert.AreSequenceEqual(Enum.GetValues<Core.Category>().Select(Core.Categories.Id),
            schemas.GetProperty("Category").GetProperty("enum").EnumerateArray().Select(id => id.GetString()!));
        Assert.AreSequenceEqual(["info", "low", "medium", "high"],
            schemas.GetProperty("Severity").GetProperty("enum").EnumerateArray().Select(id => id.GetString()!));
    }

    [TestMethod]
    public async Task Document_LocalMode_DeclaresNoBearerScheme()
    {
        using var document = await DocumentAsync(WordRedlineApiFactory.Local);

        var hasSchemes = document.RootElement.TryGetProperty("components", out var components) && components.TryGetProperty("securitySchemes", out _);

        Assert.IsFalse(hasSchemes);
    }

    [TestMethod]
    public async Task Document_EntraOn_DeclaresBearerOnProtectedOperationsOnly()
    {
        using var document = await DocumentAsync(WordRedlineApiFactory.Entra);

        var root = document.RootElement;
        var bearer = root.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer");
        Assert.AreEqual("http", bearer.GetProperty("type").GetString());
        Assert.AreEqual("bearer", bearer.GetProperty("scheme").GetString());
        var paths = root.GetProperty("paths");
        foreach (var (path, method) in new[] { ("/api/v1/analyze", "post"), ("/api/v1/addendum", "post"), ("/api/v1/playbook", "get") })
        {
            var security = paths.GetProperty(path).GetProperty(method).GetProperty("security");
            Assert.IsTrue(security[0].TryGetProperty("bearer", out _), $"{path} lacks the bearer requirement");
        }

        foreach (var path in new[] { "/api/v1/config", "/healthz", "/readyz" })
        {
            Assert.IsFalse(paths.GetProperty(path).GetProperty("get").TryGetProperty("security", out _), $"{path} should be open");
        }
    }

    [TestMethod]
    public async Task Ui_Get_ServesSwaggerUi()
    {
        using var client = WordRedlineApiFactory.Local.CreateClient();

        using var response = await client.GetAsync("/swagger/index.html", Cancel);

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("swagger-ui", await response.Content.ReadAsStringAsync(Cancel));
    }

    [TestMethod]
    public async Task Document_TurnedOff_Is404()
    {
        // A host of its own: the setting is read at start-up.
        await using var host = WordRedlineApiFactory.With(("WordRedline:Swagger:Enabled", "false"));
        using var client = host.CreateClient();

        using var response = await client.GetAsync("/swagger/v1/swagger.json", Cancel);

        Assert.AreEqual(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<JsonDocument> DocumentAsync(WordRedlineApiFactory host)
    {
        using var client = host.CreateClient();
        return JsonDocument.Parse(await client.GetStringAsync("/swagger/v1/swagger.json", Cancel));
    }
}

using System.Net;
using System.Net.Sockets;
using System.Text;

using static WordRedline.Api.Tests.WordRedlineApiFactory;

namespace WordRedline.Api.Tests;

/// <summary>Bad bodies: too large (413, decided before the body is read), wrong type (415), unreadable (400); never
/// a 500 or a stack trace.</summary>
[TestClass]
public sealed class LimitsTests(TestContext testContext)
{
    private const int MaxBytes = SmallLimits.MaxRequestBytes;

    private CancellationToken Cancel => testContext.CancellationToken;

    [TestMethod]
    [DataRow("/api/v1/analyze")]
    [DataRow("/api/v1/addendum")]
    public async Task Post_BodyOverTheLimit_Is413(string path)
    {
        using var client = Small.CreateClient();
        var body = Contracts.RawJson($$"""{"paragraphs":[{"id":"p0","text":"{{new string('a', MaxBytes)}}"}]}""");

        using var response = await client.PostAsync(path, body, Cancel);

        var problem = await Http.ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, Cancel);
        Assert.AreEqual($"The request body is larger than the limit of {MaxBytes} bytes (WordRedline:Limits:MaxRequestBytes).",
            problem.GetProperty("detail").GetString());
    }

    [TestMethod]
    [DataRow("text/plain")]
    [DataRow("application/xml")]
    [DataRow("multipart/form-data")]
    public async Task Analyze_NotJson_Is415(string contentType)
    {
        using var client = Local.CreateClient();
        using var content = new StringContent("""{"paragraphs":[{"id":"p0","text":"Fees."}]}""", Encoding.UTF8, contentType);

        using var response = await client.PostAsync("/api/v1/analyze", content, Cancel);

        var problem = await Http.ProblemAsync(response, HttpStatusCode.UnsupportedMediaType, Cancel);
        Assert.AreEqual("Send the request body as application/json.", problem.GetProperty("detail").GetString());
    }

    [TestMethod]
    public async Task Analyze_NoContentType_Is415()
    {
        using var client = Local.CreateClient();
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"paragraphs":[]}"""));

        using var response = await client.PostAsync("/api/v1/analyze", content, Cancel);

        await Http.ProblemAsync(response, HttpStatusCode.UnsupportedMediaType, Cancel);
    }

    [TestMethod]
    [DataRow("""{"paragraphs":[{"id":"p0","text":"Fees.""", DisplayName = "truncated")]
    [DataRow("""{"paragraphs":[{"id":"p0","text":Fees}]}""", DisplayName = "unquoted")]
    [DataRow("", DisplayName = "empty body")]
    [DataRow("null", DisplayName = "null")]
    [DataRow("{}", DisplayName = "missing paragraphs")]
    [DataRow("""{"paragraphs":"p0"}""", DisplayName = "paragraphs not a list")]
    [DataRow("""{"paragraphs":[1,2,3]}""", DisplayName = "numbers for paragraphs")]
    [DataRow("""{"paragraphs":[{"id":7,"text":"Fees."}]}""", DisplayName = "number id")]
    [DataRow("""{"paragraphs":[{"id":"p0","text":"Fees."}],"party":{"name":"x"}}""", DisplayName = "object party")]
    [DataRow("[]", DisplayName = "array body")]
    [DataRow("""{"paragraphs":[{"id":"p0","text":"\uD800"}]""", DisplayName = "lone surrogate, truncated")]
    public async Task Analyze_UnreadableJson_Is400Problem(string body)
    {
        using var client = Local.CreateClient();

        using var response = await client.PostAsync("/api/v1/analyze", Contracts.RawJson(body), Cancel);

        var problem = await Http.ProblemAsync(response, HttpStatusCode.BadRequest, Cancel);
        Assert.AreEqual("The request body is missing or is not JSON of the expected shape.", problem.GetProperty("detail").GetString());
    }

    [TestMethod]
    public async Task Analyze_DeeplyNestedJson_Is400Problem()
    {
        using var client = Local.CreateClient();
        var body = """{"paragraphs":""" + new string('[', 10_000) + new string(']', 10_000) + "}";

        using var response = await client.PostAsync("/api/v1/analyze", Contracts.RawJson(body), Cancel);

        await Http.ProblemAsync(response, HttpStatusCode.BadRequest, Cancel);
    }

    [TestMethod]
    public async Task Analyze_InvalidUtf8_Is400Problem()
    {
        using var client = Local.CreateClient();
        byte[] body = [.. Encoding.UTF8.GetBytes("""{"paragraphs":[{"id":"p0","text":" """), 0xC3, 0x28, 0xFF, .. Encoding.UTF8.GetBytes("\"}]}")];
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");

        using var response = await client.PostAsync("/api/v1/analyze", content, Cancel);

        await Http.ProblemAsync(response, HttpStatusCode.BadRequest, Cancel);
    }

    [TestMethod]
    public async Task Analyze_HostileButValidText_Is200()
    {
        using var client = Local.CreateClient();
        var request = Contracts.Request([
            "\u0000\u0001\u0007\u001b control characters",
            "\u05D4\u05E2\u05D1\u05E8\u05D4 \u202Eright-to-left\u202C text",
            new string('x', 50_000),
            string.Concat(Enumerable.Repeat("for any and all purposes ", 2_000)),
        ]);

        using var response = await client.PostAsync("/api/v1/analyze", Contracts.Json(request), Cancel);

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [TestMethod]
    public async Task Analyze_Get_Is405Problem()
    {
        using var client = Local.CreateClient();

        using var response = await client.GetAsync("/api/v1/analyze", Cancel);

        await Http.ProblemAsync(response, HttpStatusCode.MethodNotAllowed, Cancel);
    }

    /// <summary>On real Kestrel: a client announces a body far over the limit and sends a few bytes of it; the 413
    /// arrives anyway, so the service decided without waiting for (or buffering) the body.</summary>
    [TestMethod]
    public async Task Kestrel_AnnouncedBodyOverTheLimit_Is413BeforeTheBodyArrives()
    {
        var address = SmallKestrel.ClientOptions.BaseAddress;
        using var socket = new TcpClient();
        await socket.ConnectAsync(address.Host, address.Port, Cancel);
        var stream = socket.GetStream();
        var head = "POST /api/v1/analyze HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n" +
            $"Content-Length: {100 * 1024 * 1024}\r\n\r\n" + """{"paragraphs":[""";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), Cancel);

        var buffer = new byte[4096];
        var read = await stream.ReadAsync(buffer, Cancel);

        Assert.StartsWith("HTTP/1.1 413 ", Encoding.ASCII.GetString(buffer, 0, read));
    }

    /// <summary>On real Kestrel: a chunked body has no length to check up front; Kestrel stops it at the limit.</summary>
    [TestMethod]
    public async Task Kestrel_ChunkedBodyOverTheLimit_Is413()
    {
        using var client = SmallKestrel.KestrelClient();
        var body = Encoding.UTF8.GetBytes($$"""{"paragraphs":[{"id":"p0","text":"{{new string('a', MaxBytes * 2)}}"}]}""");
        using var content = new StreamContent(new MemoryStream(body));
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/analyze") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await client.SendAsync(request, Cancel);

        await Http.ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, Cancel);
    }

    [TestMethod]
    public async Task Kestrel_SmallBody_Is200()
    {
        using var client = SmallKestrel.KestrelClient();

        using var response = await client.PostAsync("/api/v1/analyze", Contracts.Json(Contracts.Request(["Fees are due in thirty days."])), Cancel);

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
    }
}

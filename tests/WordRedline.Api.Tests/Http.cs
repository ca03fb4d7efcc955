using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace WordRedline.Api.Tests;

internal static class Http
{
    /// <summary>Asserts an RFC 7807 answer with the status, and returns its body.</summary>
    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.AreEqual(status, response.StatusCode, body);
        Assert.AreEqual("application/problem+json", response.Content.Headers.ContentType?.MediaType, body);
        Assert.DoesNotContain("   at ", body, "a stack trace leaked");
        Assert.DoesNotContain("Exception", body, "an exception leaked");
        using var document = JsonDocument.Parse(body);
        Assert.AreEqual((int)status, document.RootElement.GetProperty("status").GetInt32());
        return document.RootElement.Clone();
    }

    /// <summary>Asserts a 400 validation problem and returns its field errors.</summary>
    public static async Task<Dictionary<string, string[]>> ValidationErrorsAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest, cancellationToken);
        return problem.GetProperty("errors").EnumerateObject().ToDictionary(
            error => error.Name,
            error => error.Value.EnumerateArray().Select(message => message.GetString()!).ToArray());
    }

    /// <summary>Posts to the host in memory and disposes the content.</summary>
    public static async Task<HttpResponseMessage> PostAsync(WordRedlineApiFactory host, string path, HttpContent content, CancellationToken cancellationToken)
    {
        using var client = host.CreateClient();
        using (content)
        {
            return await client.PostAsync(path, content, cancellationToken);
        }
    }

    public static HttpRequestMessage Get(string path, string? token = null) => WithToken(new HttpRequestMessage(HttpMethod.Get, path), token);

    public static HttpRequestMessage Post(string path, HttpContent content, string? token = null) =>
        WithToken(new HttpRequestMessage(HttpMethod.Post, path) { Content = content }, token);

    private static HttpRequestMessage WithToken(HttpRequestMessage request, string? token)
    {
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }
}

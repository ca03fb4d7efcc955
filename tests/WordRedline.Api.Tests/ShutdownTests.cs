using System.Net;
using System.Text.Json;
using WordRedline.Api.Tests.Fixtures;

namespace WordRedline.Api.Tests;

/// <summary>SIGTERM to the real program with .docx work in flight: the running request finishes, the waiting ones get
/// 503 with Retry-After (a load balancer's cue to go elsewhere), nothing gets a 500, nothing is logged as an error,
/// and the process exits 0.</summary>
[TestClass]
public sealed class ShutdownTests(TestContext testContext)
{
    private CancellationToken Cancel => testContext.CancellationToken;

    [TestMethod]
    public async Task Sigterm_DuringUploads_RunningFinishesWaitingGet503NoErrors()
    {
        // The running redline's thread is niced (DocxWork:WorkerNice): on a machine busy with other test processes it
        // can take longer than the default 30 s drain, which would close its connection. The test is about what
        // happens, not how fast, so the drain is long.
        await using var api = await ApiProcess.LaunchAsync(
            ["--WordRedline:DocxWork:MaxConcurrent=1", "--WordRedline:DocxWork:QueueLimit=4", "--WordRedline:Shutdown:TimeoutSeconds=600",
             "--WordRedline:RateLimit:Docx:BurstLimit=100", "--WordRedline:RateLimit:Docx:TokensPerPeriod=100"], Cancel);
        using var client = api.Client();
        var release = new TaskCompletionSource();
        using var form = DocxFiles.Form(DocxFiles.Contract());
        var body = await form.ReadAsByteArrayAsync(Cancel);

        var running = client.PostAsync("/api/v1/redline", new HeldContent(body, form.Headers.ContentType!.ToString(), release.Task), Cancel);
        await WaitForAsync(client, readiness => readiness.GetProperty("docxRunning").GetInt32() == 1);
        var waiting = Enumerable.Range(0, 2).Select(_ => client.PostAsync("/api/v1/redline", DocxFiles.Form(DocxFiles.Contract()), Cancel)).ToArray();
        await WaitForAsync(client, readiness => readiness.GetProperty("docxQueued").GetInt32() == 2);

        var exit = api.TerminateAsync(Cancel);
        var refused = await Task.WhenAll(waiting);
        release.SetResult();
        using var finished = await running;
        var exitCode = await exit;

        Assert.AreEqual(HttpStatusCode.OK, finished.StatusCode, api.Output);
        foreach (var response in refused)
        {
            await Http.ProblemAsync(response, HttpStatusCode.ServiceUnavailable, Cancel);
            Assert.AreEqual("5", response.Headers.GetValues("Retry-After").Single());
            response.Dispose();
        }

        Assert.AreEqual(0, exitCode, api.Output);
        Assert.DoesNotContain("fail:", api.Output);
        Assert.DoesNotContain("crit:", api.Output);
        Assert.DoesNotContain(" answered 500 ", api.Output);
    }

    /// <summary>Waits for the service to reach a state (a hang guard, not a timing assertion).</summary>
    private async Task WaitForAsync(HttpClient client, Func<JsonElement, bool> condition)
    {
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        guard.CancelAfter(TimeSpan.FromMinutes(1));
        while (true)
        {
            using var readiness = JsonDocument.Parse(await client.GetStringAsync("/readyz", guard.Token));
            if (condition(readiness.RootElement))
            {
                return;
            }

            await Task.Delay(20, guard.Token);
        }
    }
}

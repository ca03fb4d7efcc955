using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WordRedline.Api.Hosting;
using WordRedline.Api.Tests.Fixtures;
using static WordRedline.Api.Tests.WordRedlineApiFactory;

namespace WordRedline.Api.Tests;

/// <summary>.docx work (reading, analysing, writing) runs on a few dedicated threads with a raised nice value, so the
/// kernel favours small requests when the cores are contended; a request that times out or is cancelled while its
/// work waits for a thread gets 503 (not 500), and a stopping host still answers.</summary>
[TestClass]
public sealed class DocxThreadsTests(TestContext testContext)
{
    private CancellationToken Cancel => testContext.CancellationToken;

    [TestMethod]
    public async Task RunAsync_Default_RunsOnADedicatedThreadWithTheNiceValue()
    {
        using var threads = Threads(nice: 10);

        var (name, nice, pooled) = await threads.RunAsync(
            () => (Thread.CurrentThread.Name, DocxThreads.CurrentNice(), Thread.CurrentThread.IsThreadPoolThread), Cancel);

        Assert.AreEqual($"{DocxThreads.ThreadName} 1", name);
        Assert.AreEqual(OperatingSystem.IsLinux() ? 10 : 0, nice);
        Assert.IsFalse(pooled);
        Assert.AreEqual(0, DocxThreads.CurrentNice());
    }

    [TestMethod]
    public async Task RunAsync_NiceZero_RunsOnTheCallersThread()
    {
        using var threads = Threads(nice: 0);
        var caller = Environment.CurrentManagedThreadId;

        var ranOn = await threads.RunAsync(() => Environment.CurrentManagedThreadId, Cancel);

        Assert.AreEqual(caller, ranOn);
    }

    [TestMethod]
    public async Task RunAsync_CancelledWhileWaitingForAThread_NeverRuns()
    {
        using var threads = Threads(nice: 10);
        using var release = new ManualResetEventSlim();
        var holding = threads.RunAsync(() => release.Wait(Timeout.Infinite, Cancel), Cancel);
        using var cancel = new CancellationTokenSource();
        var ran = false;

        var waiting = threads.RunAsync(() => ran = true, cancel.Token);
        await cancel.CancelAsync();
        release.Set();
        await holding;

        await Assert.ThrowsExactlyAsync<TaskCanceledException>(() => waiting);
        Assert.IsFalse(ran);
    }

    [TestMethod]
    public async Task RunAsync_AfterDispose_StillRuns()
    {
        var threads = Threads(nice: 10);
        threads.Dispose();

        var answer = await threads.RunAsync(() => 42, Cancel);

        Assert.AreEqual(42, answer);
    }

    /// <summary>The gate's one slot is taken by this request, and its document waits for the one .docx thread, which
    /// the test holds: the work is queued there (not run on the request's thread); released, the answer is 200.</summary>
    [TestMethod]
    [DoNotParallelize]
    public async Task AnalyzeDocx_ThreadHeld_WaitsForItThenAnswers()
    {
        var threads = Limited.Services.GetRequiredService<DocxThreads>();
        using var client = Limited.KestrelClient("127.0.0.41");
        using var release = new ManualResetEventSlim();
        var holding = threads.RunAsync(() => release.Wait(Timeout.Infinite, Cancel), Cancel);

        var sent = client.SendAsync(Http.Post("/api/v1/analyze/docx", DocxFiles.Form(DocxFiles.Contract()),
            TestTokens.Create(objectId: RateLimitTests.NewUser())), Cancel);
        await WaitUntilAsync(() => threads.Waiting == 1);
        release.Set();
        await holding;
        using var response = await sent;

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, await response.Content.ReadAsStringAsync(Cancel));
    }

    /// <summary>Own host: a one-second time limit. The request's work waits for the held thread past the limit, so
    /// the request times out before its work starts: 503 with a problem, and the work never runs.</summary>
    [TestMethod]
    public async Task Redline_TimesOutWaitingForTheThread_Is503()
    {
        await using var host = With(("WordRedline:DocxWork:MaxConcurrent", "1"), ("WordRedline:DocxWork:TimeoutSeconds", "1"));
        var threads = host.Services.GetRequiredService<DocxThreads>();
        using var release = new ManualResetEventSlim();
        var holding = threads.RunAsync(() => release.Wait(Timeout.Infinite, Cancel), Cancel);

        using var response = await Http.PostAsync(host, "/api/v1/redline", DocxFiles.Form(DocxFiles.Contract()), Cancel);
        var waitingAfterTimeout = threads.Waiting;
        release.Set();
        await holding;

        var problem = await Http.ProblemAsync(response, HttpStatusCode.ServiceUnavailable, Cancel);
        Assert.AreEqual("The .docx request took longer than 1 s (WordRedline:DocxWork:TimeoutSeconds).", problem.GetProperty("detail").GetString());
        Assert.AreEqual(1, waitingAfterTimeout);
        Assert.DoesNotContain(line => line.StartsWith("Error", StringComparison.Ordinal) || line.Contains(" answered 500 ", StringComparison.Ordinal), host.Logs.Lines);
    }

    private static DocxThreads Threads(int nice) => new(
        Options.Create(new DocxWorkOptions { MaxConcurrent = 1, WorkerNice = nice }), NullLogger<DocxThreads>.Instance);

    /// <summary>Waits for the service to reach a state (a hang guard, not a timing assertion).</summary>
    private async Task WaitUntilAsync(Func<bool> condition)
    {
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        guard.CancelAfter(TimeSpan.FromMinutes(1));
        while (!condition())
        {
            await Task.Delay(10, guard.Token);
        }
    }
}

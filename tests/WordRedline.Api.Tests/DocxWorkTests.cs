using System.Buffers;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using WordRedline.Api.Hosting;
using WordRedline.Api.Redline;
using WordRedline.Api.Tests.Fixtures;
using static WordRedline.Api.Tests.WordRedlineApiFactory;

namespace WordRedline.Api.Tests;

/// <summary>Memory stays bounded by design whatever arrives: a fixed number of .docx requests hold an upload at once,
/// a few wait without their bodies read, the rest get 503; a file that is not a ZIP is refused from its first bytes;
/// a text field is capped; uploads live in pooled segments that go back to the pool.</summary>
[TestClass]
public sealed class DocxWorkTests(TestContext testContext)
{
    private CancellationToken Cancel => testContext.CancellationToken;

    /// <summary><see cref="WordRedlineApiFactory.Limited"/> has one slot and a queue of one: the first upload holds the
    /// slot (its body half sent), the second waits, the third is told to come back; then both finish.</summary>
    [TestMethod]
    [DoNotParallelize]
    public async Task Gate_SlotAndQueueFull_QueuesThen503ThenServesBoth()
    {
        var gate = Limited.Services.GetRequiredService<DocxGate>();
        using var client = Limited.KestrelClient();
        var release = new TaskCompletionSource();
        var (body, contentType) = await FormBytesAsync(DocxFiles.Contract());

        var holding = client.SendAsync(Upload(new HeldContent(body, contentType, release.Task)), Cancel);
        await WaitUntilAsync(() => gate.Statistics.CurrentAvailablePermits == 0);
        var waiting = client.SendAsync(Upload(DocxFiles.Form(DocxFiles.Contract())), Cancel);
        await WaitUntilAsync(() => gate.Statistics.CurrentQueuedCount == 1);
        using var refused = await client.SendAsync(Upload(DocxFiles.Form(DocxFiles.Contract())), Cancel);
        var refusedBeforeRelease = !holding.IsCompleted && !waiting.IsCompleted;
        release.SetResult();
        using var first = await holding;
        using var second = await waiting;

        var problem = await Http.ProblemAsync(refused, HttpStatusCode.ServiceUnavailable, Cancel);
        Assert.AreEqual("The service is busy with other documents; retry after 7 s.", problem.GetProperty("detail").GetString());
        Assert.AreEqual("7", refused.Headers.GetValues("Retry-After").Single());
        Assert.IsTrue(refusedBeforeRelease);
        Assert.AreEqual(HttpStatusCode.OK, first.StatusCode, await first.Content.ReadAsStringAsync(Cancel));
        Assert.AreEqual(HttpStatusCode.OK, second.StatusCode, await second.Content.ReadAsStringAsync(Cancel));
        Assert.AreEqual(1, gate.Statistics.CurrentAvailablePermits);
    }

    /// <summary>On real Kestrel: the file part starts "%PDF" and the rest of the announced body never comes; the 415
    /// with the reader's own code arrives anyway, so the service judged the first bytes without waiting for the rest.</summary>
    [TestMethod]
    public async Task Upload_NotAZip_Is415FromTheFirstBytes()
    {
        var address = SmallKestrel.ClientOptions.BaseAddress;
        using var socket = new TcpClient();
        await socket.ConnectAsync(address.Host, address.Port, Cancel);
        var stream = socket.GetStream();
        var part = "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"contract.docx\"\r\n\r\n%PDF-1.7\n" + new string('%', 1000);
        var head = "POST /api/v1/analyze/docx HTTP/1.1\r\nHost: localhost\r\nContent-Type: multipart/form-data; boundary=x\r\n" +
            $"Content-Length: {SmallLimits.MaxUploadBytes - 1024}\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head + part), Cancel);

        var answer = await ReadUntilAsync(stream, "}\r\n");

        Assert.StartsWith("HTTP/1.1 415 ", answer);
        Assert.Contains("application/problem+json", answer);
        Assert.Contains("\"code\":\"not-a-zip\"", answer);
    }

    [TestMethod]
    [DataRow("party")]
    [DataRow("author")]
    public async Task Upload_HugeTextField_Is400WithoutEchoingIt(string field)
    {
        var value = new string('A', 5 * 1024 * 1024);

        using var response = await Http.PostAsync(Local, "/api/v1/redline", DocxFiles.Form(DocxFiles.Contract(), fields: (field, value)), Cancel);

        var body = await response.Content.ReadAsStringAsync(Cancel);
        var problem = await Http.ProblemAsync(response, HttpStatusCode.BadRequest, Cancel);
        Assert.AreEqual($"The form field '{field}' is longer than {DocxUpload.MaxFieldBytes} bytes.", problem.GetProperty("detail").GetString());
        Assert.IsLessThan(1024, body.Length);
    }

    [TestMethod]
    public void PooledBufferStream_WrittenInOddChunks_ReadsBackAcrossSegmentsAndSeeks()
    {
        var data = new byte[(PooledBufferStream.SegmentBytes * 2) + 1234];
        new Random(3).NextBytes(data);
        using var stream = new PooledBufferStream();
        for (var offset = 0; offset < data.Length; offset += 7_001)
        {
            stream.Write(data, offset, Math.Min(7_001, data.Length - offset));
        }

        stream.Position = 0;
        var all = new byte[data.Length];
        stream.ReadExactly(all);
        stream.Seek(PooledBufferStream.SegmentBytes - 3, SeekOrigin.Begin);
        var straddling = new byte[10];
        stream.ReadExactly(straddling);

        Assert.AreEqual(data.Length, stream.Length);
        Assert.AreSequenceEqual(data, all);
        Assert.AreSequenceEqual(data[(PooledBufferStream.SegmentBytes - 3)..(PooledBufferStream.SegmentBytes + 7)], straddling);
        stream.Seek(0, SeekOrigin.End);
        Assert.AreEqual(0, stream.Read(new byte[1]));
    }

    /// <summary>Every segment goes back to the pool, cleared, and none is large-object sized.</summary>
    [TestMethod]
    public void PooledBufferStream_Disposed_ReturnsEverySegmentCleared()
    {
        var pool = new CountingPool();
        var stream = new PooledBufferStream(pool);
        stream.Write(Enumerable.Repeat((byte)0x5A, (PooledBufferStream.SegmentBytes * 3) + 1).ToArray());

        stream.Dispose();

        Assert.HasCount(4, pool.Rented);
        Assert.AreSequenceEqual(pool.Rented, pool.Returned);
        Assert.IsTrue(pool.Rented.All(segment => segment.Length < 85_000 && segment.All(b => b == 0)));
    }

    private static HttpRequestMessage Upload(HttpContent content) =>
        Http.Post("/api/v1/analyze/docx", content, TestTokens.Create(objectId: RateLimitTests.NewUser()));

    private async Task<(byte[] Body, string ContentType)> FormBytesAsync(byte[] docx)
    {
        using var form = DocxFiles.Form(docx);
        return (await form.ReadAsByteArrayAsync(Cancel), form.Headers.ContentType!.ToString());
    }

    private async Task<string> ReadUntilAsync(NetworkStream stream, string end)
    {
        var text = new StringBuilder();
        var buffer = new byte[4096];
        int read;
        while (!text.ToString().Contains(end, StringComparison.Ordinal) && (read = await stream.ReadAsync(buffer, Cancel)) > 0)
        {
            text.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        return text.ToString();
    }

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

    private sealed class CountingPool : ArrayPool<byte>
    {
        public List<byte[]> Rented { get; } = [];

        public List<byte[]> Returned { get; } = [];

        public override byte[] Rent(int minimumLength)
        {
            var array = new byte[minimumLength];
            Rented.Add(array);
            return array;
        }

        public override void Return(byte[] array, bool clearArray = false)
        {
            if (clearArray)
            {
                Array.Clear(array);
            }

            Returned.Add(array);
        }
    }
}

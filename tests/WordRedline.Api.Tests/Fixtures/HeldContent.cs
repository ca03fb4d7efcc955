using System.Net;
using System.Net.Http.Headers;

namespace WordRedline.Api.Tests.Fixtures;

/// <summary>A request body sent in two halves: the second only once the test releases it.</summary>
internal sealed class HeldContent : HttpContent
{
    private readonly byte[] body;
    private readonly Task release;

    public HeldContent(byte[] body, string contentType, Task release)
    {
        this.body = body;
        this.release = release;
        Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        await stream.WriteAsync(body.AsMemory(0, body.Length / 2));
        await stream.FlushAsync();
        await release;
        await stream.WriteAsync(body.AsMemory(body.Length / 2));
    }

    protected override bool TryComputeLength(out long length)
    {
        length = body.Length;
        return true;
    }
}

using System.Buffers;

namespace WordRedline.Api.Redline;

/// <summary>A seekable in-memory stream held in 64 KB arrays rented from a pool, for an upload the Open XML reader must
/// seek in. A <see cref="MemoryStream"/> would grow one array by doubling (64 MB of large-object-heap copies for a
/// 32 MB upload, kept until a full collection); these segments stay under the 85,000-byte large-object threshold
/// and go back to the pool, cleared (they held contract text), when the request ends. Written once from the start,
/// then read.</summary>
internal sealed class PooledBufferStream(ArrayPool<byte>? pool = null) : Stream
{
    public const int SegmentBytes = 64 * 1024;

    private readonly ArrayPool<byte> pool = pool ?? ArrayPool<byte>.Shared;
    private readonly List<byte[]> segments = [];
    private long length;
    private long position;
    private bool disposed;

    public override bool CanRead => !disposed;

    public override bool CanSeek => !disposed;

    public override bool CanWrite => !disposed;

    public override long Length => length;

    public override long Position
    {
        get => position;
        set => position = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    /// <summary>Appends; the stream is written front to back before it is read.</summary>
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        while (!buffer.IsEmpty)
        {
            var offset = (int)(length % SegmentBytes);
            if (offset == 0 && length / SegmentBytes == segments.Count)
            {
                segments.Add(this.pool.Rent(SegmentBytes));
            }

            var count = Math.Min(buffer.Length, SegmentBytes - offset);
            buffer[..count].CopyTo(segments[(int)(length / SegmentBytes)].AsSpan(offset));
            buffer = buffer[count..];
            length += count;
        }

        position = length;
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        var total = 0;
        while (!buffer.IsEmpty && position < length)
        {
            var offset = (int)(position % SegmentBytes);
            var count = (int)Math.Min(Math.Min(buffer.Length, SegmentBytes - offset), length - position);
            segments[(int)(position / SegmentBytes)].AsSpan(offset, count).CopyTo(buffer);
            buffer = buffer[count..];
            position += count;
            total += count;
        }

        return total;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => position + offset,
        SeekOrigin.End => length + offset,
        _ => throw new ArgumentOutOfRangeException(nameof(origin)),
    };

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Flush()
    {
    }

    protected override void Dispose(bool disposing)
    {
        if (!disposed)
        {
            disposed = true;
            foreach (var segment in segments)
            {
                this.pool.Return(segment, clearArray: true);
            }

            segments.Clear();
        }

        base.Dispose(disposing);
    }
}

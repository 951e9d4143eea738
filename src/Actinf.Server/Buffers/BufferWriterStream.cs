using System.Buffers;

namespace Actinf.Server.Buffers;

/// <summary>
/// A write-only <see cref="Stream"/> that appends everything written to it to an <see cref="ArrayBufferWriter{T}"/>,
/// so an API that writes to a stream can fill a pooled buffer (where a <see cref="MemoryStream"/> would allocate and
/// regrow its array on every use).
/// </summary>
internal sealed class BufferWriterStream(ArrayBufferWriter<byte> buffer) : Stream
{
    /// <summary>The bytes written so far.</summary>
    public ReadOnlyMemory<byte> Written => buffer.WrittenMemory;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => buffer.WrittenCount;

    public override long Position
    {
        get => buffer.WrittenCount;
        set => throw new NotSupportedException("A BufferWriterStream only appends.");
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer) => buffer.CopyTo(GetSpan(buffer.Length));

    public override void WriteByte(byte value) => GetSpan(1)[0] = value;

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Write(buffer.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("A BufferWriterStream is write-only.");

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("A BufferWriterStream only appends.");

    public override void SetLength(long value) => throw new NotSupportedException("A BufferWriterStream only appends.");

    private Span<byte> GetSpan(int count)
    {
        Span<byte> span = buffer.GetSpan(count)[..count];
        buffer.Advance(count);
        return span;
    }
}

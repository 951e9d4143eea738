using System.Buffers;
using System.Text;
using Actinf.Server.Buffers;

namespace Actinf.Server.Tests.Buffers;

public class BufferWriterStreamTests
{
    [Fact]
    public async Task Writes_ThroughEveryOverload_AppendInOrder()
    {
        var buffer = new ArrayBufferWriter<byte>(4);
        await using var stream = new BufferWriterStream(buffer);
        stream.Write("event: "u8);
        stream.Write(Encoding.ASCII.GetBytes("xxmessagexx"), 2, 7);
        stream.WriteByte((byte)'\n');
        await stream.WriteAsync(Encoding.ASCII.GetBytes("data: {}"));
#pragma warning disable CA1835 // the array overload is one of those under test
        await stream.WriteAsync(Encoding.ASCII.GetBytes("\n\n"), 0, 2);
#pragma warning restore CA1835
        await stream.FlushAsync();

        const string expected = "event: message\ndata: {}\n\n";
        Assert.Equal(expected, Encoding.ASCII.GetString(stream.Written.Span));
        Assert.Equal(expected, Encoding.ASCII.GetString(buffer.WrittenSpan));
        Assert.Equal(expected.Length, stream.Length);
        Assert.Equal(expected.Length, stream.Position);
    }

    [Fact]
    public void Writes_PastTheInitialCapacity_KeepEveryByte()
    {
        var buffer = new ArrayBufferWriter<byte>(1);
        using var stream = new BufferWriterStream(buffer);
        byte[] expected = new byte[10_000];
        new Random(3).NextBytes(expected);
        for (int i = 0; i < expected.Length; i += 333)
        {
            stream.Write(expected.AsSpan(i, Math.Min(333, expected.Length - i)));
        }

        Assert.Equal(expected, stream.Written.ToArray());
    }

    [Fact]
    public void ReadAndSeek_AreRejected()
    {
        using var stream = new BufferWriterStream(new ArrayBufferWriter<byte>());
        Assert.False(stream.CanRead);
        Assert.False(stream.CanSeek);
        Assert.Throws<NotSupportedException>(() => stream.Read(new byte[1], 0, 1));
        Assert.Throws<NotSupportedException>(() => stream.Seek(0, SeekOrigin.Begin));
        Assert.Throws<NotSupportedException>(() => stream.Position = 0);
    }

    [Fact]
    public async Task WriteAsync_WithACancelledToken_WritesNothing()
    {
        var buffer = new ArrayBufferWriter<byte>();
        await using var stream = new BufferWriterStream(buffer);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await stream.WriteAsync(new byte[] { 1 }, new CancellationToken(canceled: true)));
        Assert.Equal(0, buffer.WrittenCount);
    }
}

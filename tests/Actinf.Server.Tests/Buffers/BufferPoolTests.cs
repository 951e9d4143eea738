using System.Buffers;
using Actinf.Server.Buffers;

namespace Actinf.Server.Tests.Buffers;

public class BufferPoolTests
{
    [Fact]
    public void Rent_AfterReturn_ReusesTheBufferEmptied()
    {
        var pool = new BufferPool();
        ArrayBufferWriter<byte> first = pool.Rent();
        first.Write("{\"a\":1}"u8);
        pool.Return(first);

        ArrayBufferWriter<byte> second = pool.Rent();
        Assert.Same(first, second);
        Assert.Equal(0, second.WrittenCount);
    }

    [Fact]
    public void Rent_WhileAllAreInUse_CreatesAnotherBuffer()
    {
        var pool = new BufferPool();
        ArrayBufferWriter<byte> a = pool.Rent();
        ArrayBufferWriter<byte> b = pool.Rent();
        Assert.NotSame(a, b);
    }

    [Fact]
    public void Return_BufferLargerThanTheRetainLimit_IsNotKept()
    {
        var pool = new BufferPool();
        ArrayBufferWriter<byte> huge = pool.Rent();
        huge.GetSpan(BufferPool.MaxRetainedBytes + 1);
        pool.Return(huge);
        Assert.NotSame(huge, pool.Rent());
    }
}

using System.Text;
using ObservabilityStack.Gateway.Wal;

namespace ObservabilityStack.Gateway.Tests.Wal;

public class Crc32CTests
{
    [Theory]
    [InlineData("", 0x00000000u)]
    [InlineData("a", 0xC1D04330u)]
    [InlineData("123456789", 0xE3069283u)]
    [InlineData("The quick brown fox jumps over the lazy dog", 0x22620404u)]
    public void ComputesTheCastagnoliChecksumOfKnownVectors(string text, uint expected) =>
        Crc32C.Compute(Encoding.ASCII.GetBytes(text)).ShouldBe(expected);

    [Fact]
    public void ThirtyTwoZeroBytesMatchTheRfc3720Vector() => Crc32C.Compute(new byte[32]).ShouldBe(0x8A9136AAu);

    [Fact]
    public void AFlippedBitChangesTheChecksum()
    {
        var data = Encoding.ASCII.GetBytes("an event that must not be corrupted silently");
        var before = Crc32C.Compute(data);
        data[10] ^= 0x04;
        Crc32C.Compute(data).ShouldNotBe(before);
    }

    [Fact]
    public void TheHardwarePathAndTheTablePathAgreeOnEveryLength()
    {
        var random = new Random(7);
        for (var length = 0; length < 300; length++)
        {
            var data = new byte[length];
            random.NextBytes(data);
            Crc32C.Compute(data).ShouldBe(Crc32C.ComputeWithTable(data));
        }
    }
}

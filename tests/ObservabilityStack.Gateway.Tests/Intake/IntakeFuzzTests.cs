using System.Buffers;
using System.Diagnostics;
using System.Text;
using ObservabilityStack.Gateway.Auth;
using ObservabilityStack.Gateway.Intake;

namespace ObservabilityStack.Gateway.Tests.Intake;

public class IntakeFuzzTests
{
    private static readonly string[] s_seeds =
    [
        "{\"message\":\"order created\",\"level\":\"info\",\"@timestamp\":\"2026-11-21T10:00:00.123+01:00\",\"order\":{\"id\":\"o-1\"}}",
        "[{\"message\":\"a\",\"log\":{\"level\":\"WARN\",\"logger\":\"x\"}},{\"msg\":\"b\",\"service\":{\"environment\":\"staging\"}}]",
        "{\"message\":\"n1\"}\n{\"message\":\"n2\",\"event\":{\"id\":\"e-2\",\"action\":\"order.paid\"}}\n",
        "{\"index\":{\"_id\":\"1\"}}\n{\"message\":\"bulk\",\"severity\":\"notice\",\"timestamp\":1700000000000}\n",
    ];

    [Fact]
    public void RandomMutationsOfValidBodiesNeverThrowFromTheParsers()
    {
        var random = new Random(20261121);
        var key = new ApiKeyRecord { Id = "fuzz", Service = "shop-api", Environments = ["production", "staging"] };
        var limits = new IntakeLimits { MaxDepth = 16, MaxFieldsPerEvent = 200 };
        using var normalizer = new EventNormalizer();
        var watch = Stopwatch.StartNew();
        var runs = 0;
        var outcomes = new HashSet<string>(StringComparer.Ordinal);
        while (watch.Elapsed < TimeSpan.FromSeconds(3))
        {
            var body = Mutate(Encoding.UTF8.GetBytes(s_seeds[random.Next(s_seeds.Length)]), random);
            var records = new ArrayBufferWriter<byte>();
            var rejected = new List<(int, RejectReason)>();
            var error = LogsBatch.Process(body, random.Next(2) == 0, key, limits, DateTimeOffset.UnixEpoch, normalizer, records, rejected, out var accepted);
            outcomes.Add(error?.Reason.Kind ?? (accepted > 0 ? "accepted" : "rejected"));
            (error is null || error.Status is 400 or 403 or 413).ShouldBeTrue();
            var items = new List<BulkItem>();
            var bulkError = BulkBatch.Process(body, key, limits, DateTimeOffset.UnixEpoch, normalizer, new ArrayBufferWriter<byte>(), items);
            (bulkError is null || bulkError.Status is 400 or 403 or 413).ShouldBeTrue();
            runs++;
        }

        runs.ShouldBeGreaterThan(1000);
        outcomes.ShouldContain("accepted");
        outcomes.Count.ShouldBeGreaterThan(3);
    }

    private static byte[] Mutate(byte[] input, Random random)
    {
        var bytes = new List<byte>(input);
        for (var n = random.Next(1, 6); n > 0 && bytes.Count > 0; n--)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(6))
            {
                case 0:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 1:
                    bytes.RemoveAt(at);
                    break;
                case 2:
                    bytes.Insert(at, "{}[]\",:\\\n\0"u8[random.Next(10)]);
                    break;
                case 3:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 4:
                    bytes.InsertRange(at, bytes.GetRange(0, Math.Min(at, 40)));
                    break;
                default:
                    bytes.InsertRange(at, Enumerable.Repeat((byte)'[', random.Next(1, 40)));
                    break;
            }
        }

        return [.. bytes];
    }
}

using System.Diagnostics;
using System.Text.Json;
using ObservabilityStack.Elasticsearch.Serialization;
using ObservabilityStack.Gateway;
using ObservabilityStack.Gateway.Auth;
using ObservabilityStack.Gateway.Intake;

namespace ObservabilityStack.Benchmarks.Gateway;

/// <summary>
/// <c>load gateway 0 0 cpu</c>: single-threaded cost per event of each intake stage on the load-run body,
/// without HTTP or disk, to see where the durable path spends its time relative to tokenizing.
/// </summary>
internal static class IntakeCpuProbe
{
    public static void Run(byte[] body, int eventsPerBatch)
    {
        var exceptions = 0;
        AppDomain.CurrentDomain.FirstChanceException += (_, e) =>
        {
            if (Interlocked.Increment(ref exceptions) == 1)
            {
                Console.WriteLine($"first-chance exception on the intake path: {e.Exception}");
            }
        };
        var key = new ApiKeyRecord { Id = "probe", Service = "shop-api", Environments = ["production"] };
        var limits = new IntakeLimits();
        using var normalizer = new EventNormalizer();
        Time("tokenize only", eventsPerBatch, () =>
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { AllowMultipleValues = true });
            while (reader.Read())
            {
            }
        });
        Time("utf-8 check", eventsPerBatch, () => Utf8Check.Validate(body));
        var slices = new List<EventSlice>();
        Time("split lines", eventsPerBatch, () => LogsBodySplitter.Split(body, true, limits, slices));
        var fields = new List<FieldSpan>();
        Time("scan events", eventsPerBatch, () =>
        {
            foreach (var s in slices)
            {
                EventScanner.Scan(body.AsSpan(s.Start, s.Length), s.Start, limits, fields);
            }
        });
        var ts = "\"2026-11-21T10:00:00.123Z\""u8.ToArray();
        Time("timestamp x500", eventsPerBatch, () =>
        {
            for (var i = 0; i < eventsPerBatch; i++)
            {
                ScalarValues.TryTimestamp(ts, out _);
            }
        });
        Time("event id x500", eventsPerBatch, () =>
        {
            for (var i = 0; i < eventsPerBatch; i++)
            {
                _ = EventIds.Next(DateTimeOffset.UnixEpoch);
            }
        });
        Time("crc x500", eventsPerBatch, () =>
        {
            for (var i = 0; i < eventsPerBatch; i++)
            {
                ObservabilityStack.Gateway.Wal.Crc32C.Compute(body.AsSpan(0, 900));
            }
        });
        Time("full normalise", eventsPerBatch, () =>
        {
            using var records = new PooledBufferWriter(body.Length * 2);
            LogsBatch.Process(body, true, key, limits, DateTimeOffset.UnixEpoch, normalizer, records, [], out _);
        });
        Console.WriteLine($"first-chance exceptions: {exceptions}");
    }

    private static void Time(string name, int events, Action action)
    {
        for (var i = 0; i < 20; i++)
        {
            action();
        }

        var watch = Stopwatch.StartNew();
        var runs = 0;
        while (watch.ElapsedMilliseconds < 1500)
        {
            action();
            runs++;
        }

        var perEvent = watch.Elapsed.TotalMilliseconds * 1_000_000 / ((double)runs * events);
        Console.WriteLine($"{name,-16} {perEvent,8:F0} ns/event  ({1e9 / perEvent,10:F0} events/s on one core)");
    }
}

using System.Globalization;

namespace ObservabilityStack.Benchmarks.Search;

/// <summary>
/// The window benchmarks' ECS log documents: spread evenly over the hour before <see cref="End"/>, five services,
/// one in five an error, one in seventeen a 500, so a 15-minute window holds a quarter of them.
/// </summary>
internal static class WindowLogDocuments
{
    public static readonly DateTimeOffset End = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly string[] Services = ["shop", "crm", "mes", "gateway", "alerting"];
    private static readonly string[] Levels = ["info", "info", "info", "warn", "error"];

    /// <summary>Document <paramref name="i"/> of <paramref name="count"/> and its timestamp (epoch ms).</summary>
    public static string Json(int i, int count, out long timestamp)
    {
        timestamp = End.AddHours(-1).ToUnixTimeMilliseconds() + ((long)i * 3_600_000 / count);
        return string.Create(CultureInfo.InvariantCulture,
            $$$"""{"@timestamp":"{{{DateTimeOffset.FromUnixTimeMilliseconds(timestamp):yyyy-MM-ddTHH:mm:ss.fffZ}}}","message":"GET /api/orders/{{{i}}} answered","log":{"level":"{{{Levels[i % Levels.Length]}}}"},"service":{"name":"{{{Services[i % Services.Length]}}}"},"http":{"response":{"status_code":{{{(i % 17 == 0 ? 500 : 200)}}}}},"url":{"path":"/api/orders/{{{i % 200}}}"},"client":{"ip":"10.0.{{{i % 7}}}.{{{i % 250}}}"},"event":{"duration":{{{i % 1000}}}},"trace":{"id":"{{{i:x16}}}"}}""");
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;

namespace ObservabilityStack.Benchmarks.Gateway;

/// <summary>
/// Open-loop (fixed-rate, wrk2-style) load on one endpoint: requests leave on the <see cref="SendSchedule"/>
/// whatever the answers do, spread over a pool of keep-alive connections, each taking the next due request
/// when it is free. Enough connections that a request rarely waits for one; when it does, its latency still
/// counts from its scheduled time, so a server (or generator) that falls behind shows as latency.
/// </summary>
internal static class OpenLoopLoad
{
    /// <summary>Durable intake (<c>/v1/logs</c>) at <paramref name="eventsPerSecond"/>, with the gateway's diagnostics bracketing the measured part.</summary>
    public static async Task<OpenLoopTally> RunWithDiagnosticsAsync(LoadTarget gateway, byte[] body, int eventsPerBatch, long eventsPerSecond, int connections, double seconds, CancellationToken cancellationToken)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var client = new HttpClient(handler) { BaseAddress = gateway.Url, DefaultRequestVersion = HttpVersion.Version11 };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", gateway.Key);
        var schedule = new SendSchedule(eventsPerSecond, eventsPerBatch, Stopwatch.Frequency);
        // One second at the rate first: opens the connections and warms the server's code paths; not counted.
        await SendAsync(client, "/v1/logs", body, eventsPerBatch, schedule, connections, 1, cancellationToken);
        await gateway.BeginAsync();
        var cpu = Environment.CpuUsage.TotalTime;
        var tally = await SendAsync(client, "/v1/logs", body, eventsPerBatch, schedule, connections, seconds, cancellationToken);
        // The generator shares the 2 cores with the gateway: its own CPU says how much was left for the gateway.
        Console.WriteLine(System.FormattableString.Invariant($"  generator process CPU {(Environment.CpuUsage.TotalTime - cpu).TotalSeconds / seconds:F2} cores"));
        await gateway.EndAsync();
        return tally;
    }

    private static async Task<OpenLoopTally> SendAsync(HttpClient client, string path, byte[] body, int eventsPerBatch, SendSchedule schedule, int connections, double seconds, CancellationToken cancellationToken)
    {
        var durationTicks = (long)(seconds * Stopwatch.Frequency);
        var total = schedule.BatchesWithin(durationTicks);
        var start = Stopwatch.GetTimestamp();
        var tally = new OpenLoopTally(start, durationTicks, Stopwatch.Frequency);
        var next = -1L;
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async _ =>
        {
            long i;
            while ((i = Interlocked.Increment(ref next)) < total && !cancellationToken.IsCancellationRequested)
            {
                var scheduled = start + schedule.OffsetOf(i);
                var wait = scheduled - Stopwatch.GetTimestamp();
                if (wait > 0)
                {
                    await Task.Delay(TimeSpan.FromSeconds(wait / (double)Stopwatch.Frequency), cancellationToken);
                }

                var sent = Stopwatch.GetTimestamp();
                var accepted = await IntakePost.SendAsync(client, path, body, cancellationToken);
                tally.Record(scheduled, sent, Stopwatch.GetTimestamp(), accepted ? eventsPerBatch : 0, !accepted);
            }
        }));
        return tally;
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using ObservabilityStack.Alerting;
using ObservabilityStack.Alerting.Notifications;
using ObservabilityStack.Alerting.OnCall;
using ObservabilityStack.Alerting.Rules;
using ObservabilityStack.Benchmarks.LoadRuns;
using ObservabilityStack.Elasticsearch;
using ObservabilityStack.Emulator;

namespace ObservabilityStack.Benchmarks.Alerting;

/// <summary>
/// <c>load alerts [--rules 500] [--docs 1000000] [--seconds 60] [--shuffled] [--cold-columns]</c>: many rules on a 10 s schedule against the
/// emulator holding many documents; reports schedule lag p50/p99 and skipped runs, then injects a 5xx burst
/// and measures the time from the first 5xx to the email accepted by a real SMTP server (aiosmtpd).
/// </summary>
public sealed class AlertsLoadRun : ILoadRun
{
    /// <inheritdoc/>
    public string Name => "alerts";

    /// <inheritdoc/>
    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var ruleCount = Arg(args, "--rules", 500);
        var docs = Arg(args, "--docs", 1_000_000);
        var seconds = Arg(args, "--seconds", 60);
        var dir = Directory.CreateTempSubdirectory("obs-alerts-load-").FullName;
        // Warm columns as Elasticsearch writes doc values at index time; --cold-columns builds them on first use.
        var warm = !args.Contains("--cold-columns");
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Port = 0, WarmColumns = warm }, cancellationToken);
        using var client = new ElasticsearchClient(new ElasticsearchClientOptions { Url = emulator.Url, RequestTimeout = TimeSpan.FromMinutes(2) });
        var seedWatch = Stopwatch.StartNew();
        var shuffled = args.Contains("--shuffled");
        await AlertsLoadSeeder.SeedAsync(client, docs, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(30), shuffled, cancellationToken);
        await client.SendJsonAsync(HttpMethod.Post, "/_refresh", null, cancellationToken);
        if (warm)
        {
            // A cluster that has held its data for a while has its doc values; so does the emulator once its warmer has run.
            var warming = Stopwatch.StartNew();
            while (!AllWarmed(emulator) && warming.Elapsed < TimeSpan.FromMinutes(2))
            {
                await Task.Delay(200, cancellationToken);
            }

            Console.WriteLine($"columns warmed {warming.Elapsed.TotalSeconds:F1} s after the last refresh");
        }

        Console.WriteLine($"seeded {docs:N0} documents in {seedWatch.Elapsed.TotalSeconds:F1} s, " +
            (shuffled ? "every bulk spread over the 30 minutes (--shuffled)" : "in time order, as shippers send them") +
            (warm ? "; emulator columns warmed in the background" : "; emulator columns built on first use (--cold-columns)"));

        var smtpPort = FreePort();
        using var smtp = Process.Start(new ProcessStartInfo("/usr/bin/python3")
        {
            ArgumentList = { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{smtpPort}", "-c", "aiosmtpd.handlers.Mailbox", Path.Combine(dir, "maildir") },
        })!;
        try
        {
            await WaitForPortAsync(smtpPort, cancellationToken);
            var rules = Rules(ruleCount);
            var options = new AlertingOptions
            {
                Rules = new RuleSet { Rules = rules },
                OnCallConfig = new OnCallConfig { Teams = [new Team { Name = "platform", Members = [new TeamMember("Ana", "ana@example.com")] }] },
                Elasticsearch = new ElasticsearchClientOptions { Url = emulator.Url },
                Mail = new MailOptions { SmtpHost = "127.0.0.1", SmtpPort = smtpPort },
                DataDirectory = Path.Combine(dir, "data"),
                Urls = null,
                GroupWait = TimeSpan.FromMilliseconds(500),
                OutboxPollInterval = TimeSpan.FromMilliseconds(100),
            };
            await using var host = await AlertingHost.StartAsync(options, cancellationToken);
            await Task.Delay(TimeSpan.FromSeconds(seconds), cancellationToken);
            var h = host.Health;
            var expected = ruleCount * seconds / 10.0;
            Console.WriteLine($"rules: {ruleCount} on a 10 s schedule for {seconds} s (expected ~{expected:F0} runs)");
            Console.WriteLine($"runs: {h.Runs}, failed: {h.FailedRuns}, retries: {h.Retries}, skipped (misfires): {h.Misfires}");
            Console.WriteLine($"schedule lag p50: {h.LagPercentile(50):F0} ms, p99: {h.LagPercentile(99):F0} ms (target < 1000 ms, ratio {h.LagPercentile(99) / 1000:F2})");
            // The emulator builds its columns on first use (Elasticsearch writes doc values at index time), so the first
            // cycle over cold data is reported apart from the steady state that follows it.
            Console.WriteLine($"after the first cycle ({ruleCount} runs): lag p50 {h.LagPercentile(50, ruleCount):F0} ms, " +
                $"p99 {h.LagPercentile(99, ruleCount):F0} ms over {Math.Max(0, h.LagSamples - ruleCount)} runs");
            using (var process = Process.GetCurrentProcess())
            {
                // Emulator, alert engine and load generator share this process; the figure includes the doc values built.
                Console.WriteLine($"RSS with {docs:N0} documents after the rules ran: {process.WorkingSet64 / (1024.0 * 1024):N0} MB, "
                    + $"peak {process.PeakWorkingSet64 / (1024.0 * 1024):N0} MB");
            }


            var maildir = Path.Combine(dir, "maildir", "new");
            var before = Directory.Exists(maildir) ? Directory.GetFiles(maildir).Length : 0;
            var firstFiveHundred = DateTimeOffset.UtcNow;
            await AlertsLoadSeeder.BurstAsync(client, "burst-api", firstFiveHundred, 50, cancellationToken);
            var watch = Stopwatch.StartNew();
            while (watch.Elapsed < TimeSpan.FromSeconds(60) && (Directory.Exists(maildir) ? Directory.GetFiles(maildir).Length : 0) <= before)
            {
                await Task.Delay(50, cancellationToken);
            }

            var accepted = (Directory.Exists(maildir) ? Directory.GetFiles(maildir).Length : 0) > before;
            Console.WriteLine(accepted
                ? $"first 5xx to email accepted by SMTP: {watch.Elapsed.TotalSeconds:F1} s (target < 15 s, ratio {watch.Elapsed.TotalSeconds / 15:F2})"
                : "first 5xx to email: no email within 60 s");
            return accepted && h.FailedRuns == 0 ? 0 : 1;
        }
        finally
        {
            smtp.Kill(entireProcessTree: true);
            await smtp.WaitForExitAsync(CancellationToken.None);
            Directory.Delete(dir, recursive: true);
        }
    }

    private static bool AllWarmed(EmulatorHost emulator) =>
        ObservabilityStack.Emulator.Storage.ColumnWarmer.IndicesOf(emulator.Cluster)()
            .Where(i => i.Name.Contains("logs-", StringComparison.Ordinal))
            .All(i => i.Table.Runs.All(r => r.Columns.Warmed));

    private static List<AlertRule> Rules(int count)
    {
        var rules = new List<AlertRule>
        {
            new() { Name = "burst-5xx", Type = RuleType.HttpStatus, Services = ["burst-api"], Threshold = 5, Window = TimeSpan.FromMinutes(1),
                Interval = TimeSpan.FromSeconds(10), Severity = Severity.Critical, Receivers = ["platform"] },
        };
        var types = new[] { RuleType.HttpStatus, RuleType.RequestRate, RuleType.Exception, RuleType.Absence, RuleType.Query };
        for (var i = 1; i < count; i++)
        {
            var type = types[i % types.Length];
            var service = AlertsLoadSeeder.Services[i % AlertsLoadSeeder.Services.Length];
            rules.Add(new AlertRule
            {
                Name = string.Create(CultureInfo.InvariantCulture, $"load-{i}"),
                Type = type,
                Services = [service],
                Window = TimeSpan.FromMinutes(5),
                Interval = TimeSpan.FromSeconds(10),
                // Thresholds nobody reaches: the run measures scheduling and querying, not mail volume.
                Threshold = type == RuleType.Absence ? 1 : 1_000_000,
                Condition = type == RuleType.Absence ? Comparison.Below : Comparison.Above,
                Query = type == RuleType.Query ? "log.level:error" : null,
                Receivers = ["platform"],
            });
        }

        return rules;
    }

    private static int Arg(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var v) ? v : fallback;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitForPortAsync(int port, CancellationToken cancellationToken)
    {
        for (var i = 0; i < 300; i++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50, cancellationToken);
            }
        }

        throw new InvalidOperationException($"aiosmtpd did not start on port {port}");
    }
}

using System.Diagnostics;
using System.Globalization;
using ObservabilityStack.Cli.Core;
using ObservabilityStack.Cli.Tests.Support;
using ObservabilityStack.Emulator;

namespace ObservabilityStack.Cli.Tests.Features.Bootstrap;

/// <summary>
/// Retention really happens: with the emulator's clock moved forward, each service's ILM policy
/// (daily rollover, delete N days after rollover) removes what is older than its own horizon.
/// </summary>
public sealed class RetentionTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly string _work = Directory.CreateTempSubdirectory("obs-retention-").FullName;
    private readonly ManualTimeProvider _clock = new(Start);

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public async Task TwoServicesWithDifferentRetentionsKeepDifferentHorizons()
    {
        await using var cluster = await TestCluster.StartAsync(new EmulatorOptions { Clock = _clock });
        var services = Path.Combine(_work, "services.yaml");
        await File.WriteAllTextAsync(services,
            "services:\n  - name: brief\n    retention_days: 2\n  - name: lasting\n    retention_days: 6\n");
        var cli = new CliHarness(_work);
        (await cli.RunAsync(["bootstrap", .. cluster.Args, "--services", services])).ShouldBe(ExitCodes.Ok, cli.Error.ToString());

        await WriteAsync(cluster, "old");
        await AdvanceAsync(TimeSpan.FromHours(25)); // the first backing indices roll over (max_age 1d)
        await EventuallyAsync(async () => (await BackingIndicesAsync(cluster, "brief")).Count == 2 && (await BackingIndicesAsync(cluster, "lasting")).Count == 2);
        await WriteAsync(cluster, "young");

        // ~3 days after the first rollover: brief's old index (2 days) is gone, its young one stays;
        // lasting (6 days) still has both.
        await AdvanceAsync(TimeSpan.FromDays(2) + TimeSpan.FromHours(6));
        await EventuallyAsync(async () => !await ExistsAsync(cluster, "brief", "old"));
        (await ExistsAsync(cluster, "brief", "young")).ShouldBeTrue();
        (await ExistsAsync(cluster, "lasting", "old")).ShouldBeTrue();
        (await ExistsAsync(cluster, "lasting", "young")).ShouldBeTrue();

        // Past six days after the first rollover: lasting's old events go too, its young ones are younger than that.
        await AdvanceAsync(TimeSpan.FromDays(4));
        await EventuallyAsync(async () => !await ExistsAsync(cluster, "lasting", "old"));
        (await ExistsAsync(cluster, "lasting", "young")).ShouldBeTrue();
    }

    private async Task WriteAsync(TestCluster cluster, string marker)
    {
        foreach (var service in new[] { "brief", "lasting" })
        {
            var at = _clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            var doc = $$$"""{"@timestamp":"{{{at}}}","message":"{{{marker}}}","service":{"name":"{{{service}}}"},"event":{"id":"{{{service}}}-{{{marker}}}"}}""";
            var response = await cluster.Client.SendJsonAsync(HttpMethod.Put, $"/logs-{service}-production/_create/{service}-{marker}?refresh=true", doc);
            response.IsSuccess.ShouldBeTrue(System.Text.Encoding.UTF8.GetString(response.Body.Span));
        }
    }

    // Looks the event up by _id in every backing index (GET by id does not work on a data stream itself).
    private static async Task<bool> ExistsAsync(TestCluster cluster, string service, string marker)
    {
        foreach (var index in await BackingIndicesAsync(cluster, service))
        {
            var response = await cluster.Client.SendAsync(HttpMethod.Get, $"/{index}/_doc/{service}-{marker}");
            if (response.IsSuccess)
            {
                return true;
            }
        }

        return false;
    }

    private static async Task<List<string>> BackingIndicesAsync(TestCluster cluster, string service)
    {
        var response = await cluster.Client.SendAsync(HttpMethod.Get, $"/_data_stream/logs-{service}-production");
        response.IsSuccess.ShouldBeTrue(System.Text.Encoding.UTF8.GetString(response.Body.Span));
        using var doc = response.ToJsonDocument();
        return doc.RootElement.GetProperty("data_streams")[0].GetProperty("indices").EnumerateArray()
            .Select(i => i.GetProperty("index_name").GetString()!).ToList();
    }

    // Moves the clock in poll-sized steps so the emulator's ILM poll runs along the way as it would in real time.
    private async Task AdvanceAsync(TimeSpan by)
    {
        for (var moved = TimeSpan.Zero; moved < by; moved += TimeSpan.FromMinutes(10))
        {
            _clock.Advance(TimeSpan.FromMinutes(10));
            await Task.Delay(1);
        }
    }

    private static async Task EventuallyAsync(Func<Task<bool>> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (!await condition())
        {
            deadline.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10), "ILM did not delete the expired backing index");
            await Task.Delay(50);
        }
    }
}

using Microsoft.AspNetCore.Builder;
using ObservabilityStack.Emulator;
using ObservabilityStack.Samples.Common.Traffic;
using ObservabilityStack.Samples.Crm;
using ObservabilityStack.Samples.Mes;
using ObservabilityStack.Samples.Shop;
using ObservabilityStack.Serilog.Tests.Support;

namespace ObservabilityStack.Serilog.Tests.Samples;

/// <summary>The traffic generator against the three real samples (port 0, logging into an emulator).</summary>
public class TrafficGeneratorTests
{
    private const string Localhost = "http://127.0.0.1:0";

    [Fact]
    public async Task TrafficCreatesReadsEditsAndAdvancesOrdersMakesSomeMistakesAndMisbehavesWhenAsked()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Port = 0 });
        string[] sink = [$"--ObservabilityStack:Elasticsearch:Url={emulator.Url}"];
        await using var mes = await StartAsync(MesApp.BuildAsync(sink, Localhost));
        await using var crm = await StartAsync(CrmApp.BuildAsync([.. sink, $"--Services:Mes={mes.Urls.First()}"], Localhost));
        await using var shop = await StartAsync(ShopApp.BuildAsync([.. sink, $"--Services:Crm={crm.Urls.First()}"], Localhost));
        var chaos = new List<string>();
        var traffic = TrafficGenerator.Start(new Uri(shop.Urls.First()), new TrafficOptions
        {
            Rate = 50,
            ClientErrorRate = 0.2,
            ChaosInterval = TimeSpan.FromSeconds(1),
            Seed = 7,
            OnChaos = line => { lock (chaos) { chaos.Add(line); } },
        });
        var stats = traffic.Stats;
        await Eventually.TrueAsync(() => stats.Created > 5 && stats.Read > 0 && stats.Edited > 0 && stats.StatusChanged > 0
                && stats.ClientErrors > 0 && stats.Chaos >= 2 && stats.ServerErrors > 0,
            "every kind of request and a 5xx burst happened", seconds: 120);
        await traffic.DisposeAsync();

        var requests = stats.Requests;
        await Task.Delay(200);
        stats.Requests.ShouldBe(requests, "nothing is sent after the generator is disposed");
        stats.Unreachable.ShouldBe(0);
        lock (chaos)
        {
            chaos[0].ShouldContain("/chaos/5xx");
            chaos[1].ShouldContain("/chaos/flood");
        }
    }

    [Theory]
    [InlineData(0, 0.05, "Rate")]
    [InlineData(2, 1.5, "ClientErrorRate")]
    [InlineData(2, -0.1, "ClientErrorRate")]
    public void OutOfRangeOptionsAreRefusedWithTheirName(double rate, double errorRate, string name)
    {
        var error = Should.Throw<ArgumentException>(() =>
            TrafficGenerator.Start(new Uri("http://127.0.0.1:9"), new TrafficOptions { Rate = rate, ClientErrorRate = errorRate }));
        error.ParamName.ShouldBe(name);
    }

    private static async Task<WebApplication> StartAsync(Task<WebApplication> build)
    {
        var app = await build;
        await app.StartAsync();
        return app;
    }
}

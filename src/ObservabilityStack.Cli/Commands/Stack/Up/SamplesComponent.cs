using Microsoft.AspNetCore.Builder;
using ObservabilityStack.Samples.Common.Traffic;
using ObservabilityStack.Samples.Crm;
using ObservabilityStack.Samples.Mes;
using ObservabilityStack.Samples.Shop;

namespace ObservabilityStack.Cli.Commands.Stack.Up;

/// <summary>
/// With <c>obs up --demo</c>: the shop, CRM and MES samples in-process, each on a free loopback port,
/// logging straight into the stack's Elasticsearch (data streams <c>logs-{shop,crm,mes}-demo</c>).
/// Started downstream first, because each sample is told its downstream's URL. The same traffic generator as
/// <c>obs samples shop --traffic</c> drives orders through them, so the dashboards show live data at once.
/// </summary>
internal sealed class SamplesComponent : IStackComponent
{
    private const string AnyPort = "http://127.0.0.1:0";

    /// <inheritdoc/>
    public string Name => "samples";

    /// <inheritdoc/>
    public async Task<IAsyncDisposable> StartAsync(StackContext context, CancellationToken cancellationToken)
    {
        var running = new RunningSamples();
        if (!context.Demo)
        {
            context.Report(Name, "not started", "add --demo to run the shop, CRM and MES samples");
            return running;
        }

        try
        {
            var es = $"--ObservabilityStack:Elasticsearch:Url={context.Elasticsearch.Url}";
            var mes = await running.StartAsync(MesApp.BuildAsync([es], AnyPort), cancellationToken);
            var crm = await running.StartAsync(CrmApp.BuildAsync([es, $"--Services:Mes={mes}"], AnyPort), cancellationToken);
            var shop = await running.StartAsync(ShopApp.BuildAsync([es, $"--Services:Crm={crm}"], AnyPort), cancellationToken);
            context.Report("shop", shop, "sample shop page + POST /api/orders (logs-shop-demo)");
            context.Report("crm", crm, "sample CRM API (logs-crm-demo)");
            context.Report("mes", mes, "sample MES API (logs-mes-demo)");
            var traffic = new TrafficOptions();
            running.Drive(TrafficGenerator.Start(new Uri(shop), traffic));
            context.Report("traffic", shop, $"{traffic.Rate:0.##} orders/s of generated traffic through the shop (some 4xx on purpose)");
            return running;
        }
        catch
        {
            await running.DisposeAsync();
            throw;
        }
    }

    /// <summary>The started samples, stopped in reverse order.</summary>
    private sealed class RunningSamples : IAsyncDisposable
    {
        private readonly Stack<WebApplication> _apps = new();
        private TrafficGenerator? _traffic;

        public void Drive(TrafficGenerator traffic) => _traffic = traffic;

        public async Task<string> StartAsync(Task<WebApplication> build, CancellationToken cancellationToken)
        {
            var app = await build;
            _apps.Push(app);
            await app.StartAsync(cancellationToken);
            // Kestrel fills in the real port of a :0 binding once started.
            return app.Urls.First().TrimEnd('/') + "/";
        }

        public async ValueTask DisposeAsync()
        {
            // Traffic first, so the samples' last log events are not cut off mid-request.
            if (_traffic is not null)
            {
                await _traffic.DisposeAsync();
            }

            while (_apps.TryPop(out var app))
            {
                await app.StopAsync();
                await app.DisposeAsync();
            }
        }
    }
}

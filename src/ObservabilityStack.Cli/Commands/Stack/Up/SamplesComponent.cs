using Microsoft.AspNetCore.Builder;
using ObservabilityStack.Samples.Crm;
using ObservabilityStack.Samples.Mes;
using ObservabilityStack.Samples.Shop;

namespace ObservabilityStack.Cli.Commands.Stack.Up;

/// <summary>
/// With <c>obs up --demo</c>: the shop, CRM and MES samples in-process, each on a free loopback port,
/// logging straight into the stack's Elasticsearch (data streams <c>logs-{shop,crm,mes}-demo</c>).
/// Started downstream first, because each sample is told its downstream's URL.
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
            while (_apps.TryPop(out var app))
            {
                await app.StopAsync();
                await app.DisposeAsync();
            }
        }
    }
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ObservabilityStack.Elasticsearch;
using ObservabilityStack.Gateway.Apis;
using ObservabilityStack.Gateway.Forwarding;
using ObservabilityStack.Gateway.Provisioning;

namespace ObservabilityStack.Gateway;

/// <summary>Hosting entry points: <c>builder.AddGateway(); app.MapIntakeApi();</c> inside any ASP.NET Core app (e.g. <c>obs up</c>).</summary>
public static class GatewayServiceExtensions
{
    /// <summary>
    /// Registers the gateway: options (from <paramref name="defaults"/>, then the configuration's
    /// <c>Gateway</c> section, reloaded on change), the write-ahead log, keys, and the bulk forwarder.
    /// </summary>
    public static IHostApplicationBuilder AddGateway(this IHostApplicationBuilder builder, GatewayOptions? defaults = null)
    {
        var options = builder.Services.AddOptions<GatewayOptions>();
        if (defaults is not null)
        {
            options.Configure(defaults.CopyTo);
        }

        options.Bind(builder.Configuration.GetSection("Gateway"));
        builder.Services.AddSingleton<GatewayRuntime>();
        builder.Services.AddSingleton(sp =>
        {
            var es = sp.GetRequiredService<IOptionsMonitor<GatewayOptions>>().CurrentValue.Elasticsearch;
            return new ElasticsearchClient(new ElasticsearchClientOptions
            {
                Url = new Uri(es.Url),
                ApiKey = es.ApiKey,
                Username = es.Username,
                Password = es.Password,
                // The forwarder retries with its own backoff and counts every retry; hidden client retries would delay both.
                MaxRetries = 0,
            });
        });
        builder.Services.AddSingleton<StreamProvisioning>();
        builder.Services.AddHostedService<BulkForwarder>();
        builder.Services.AddSingleton<Tickets.TicketService>();
        builder.Services.AddHostedService<Tickets.TicketStartup>();
        return builder;
    }

    /// <summary>Maps the intake, bulk, tickets, root, health and metrics endpoints.</summary>
    public static IEndpointRouteBuilder MapIntakeApi(this IEndpointRouteBuilder routes)
    {
        IntakeApi.Map(routes);
        BulkApi.Map(routes);
        OperationsApi.Map(routes);
        Tickets.TicketsApi.Map(routes);
        if (routes.ServiceProvider.GetRequiredService<IOptionsMonitor<GatewayOptions>>().CurrentValue.EnableBaselineEndpoint)
        {
            BaselineApi.Map(routes);
        }

        return routes;
    }
}

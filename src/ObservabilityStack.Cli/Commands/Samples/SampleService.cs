using Microsoft.AspNetCore.Builder;
using ObservabilityStack.Samples.Crm;
using ObservabilityStack.Samples.Mes;
using ObservabilityStack.Samples.Shop;

namespace ObservabilityStack.Cli.Commands.Samples;

/// <summary>One of the three sample services <c>obs samples</c> can run, with what differs between them.</summary>
/// <param name="Name">Name on the command line, also the default service name.</param>
/// <param name="DefaultPort">Port on 127.0.0.1 when no <c>--urls</c> is given.</param>
/// <param name="Downstream">The next service of the order flow (its <c>Services:{name}</c> setting), or null for the MES.</param>
/// <param name="Build">Builds the (unstarted) app from configuration arguments and listen URLs.</param>
internal sealed record SampleService(string Name, int DefaultPort, string? Downstream, Func<string[], string, Task<WebApplication>> Build)
{
    /// <summary>The samples in order-flow order: shop → CRM → MES.</summary>
    public static IReadOnlyList<SampleService> All { get; } =
    [
        new("shop", 5080, "Crm", ShopApp.BuildAsync),
        new("crm", 5081, "Mes", CrmApp.BuildAsync),
        new("mes", 5082, null, MesApp.BuildAsync),
    ];

    /// <summary>The sample called <paramref name="name"/>, or null.</summary>
    public static SampleService? Find(string name) =>
        All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
}

using ObservabilityStack.Gateway.Tests.Support;

namespace ObservabilityStack.Gateway.Tests.Tickets;

/// <summary>
/// Base of the tickets' end-to-end tests: a real gateway and the emulator per test, on a data directory that
/// outlives the gateway so a test can restart it.
/// </summary>
public abstract class TicketGatewayTest : IAsyncLifetime
{
    protected string Data { get; } = Path.Combine(Path.GetTempPath(), "obs-tickets-" + Guid.NewGuid().ToString("N"));

    private protected TestElasticsearch Es { get; private set; } = null!;

    private protected TicketGateway Gateway { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Es = await TestElasticsearch.StartNewAsync();
        Gateway = await TicketGateway.StartAsync(Data, Es.Url, Configure);
    }

    public async Task DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await Es.DisposeAsync();
        Directory.Delete(Data, recursive: true);
    }

    /// <summary>Options for every start of this test's gateway.</summary>
    protected virtual void Configure(GatewayOptions options)
    {
    }

    /// <summary>Stops the gateway; <paramref name="whileStopped"/> runs before it starts again on the same directory.</summary>
    private protected async Task RestartAsync(Func<Task>? whileStopped = null)
    {
        await Gateway.DisposeAsync();
        if (whileStopped is not null)
        {
            await whileStopped();
        }

        Gateway = await TicketGateway.StartAsync(Data, Es.Url, Configure);
    }
}

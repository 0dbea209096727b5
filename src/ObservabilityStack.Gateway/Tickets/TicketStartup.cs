using Microsoft.Extensions.Hosting;

namespace ObservabilityStack.Gateway.Tickets;

/// <summary>Runs the tickets' start-up check before the gateway serves its first request.</summary>
internal sealed class TicketStartup(TicketService tickets) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => tickets.CheckStartupAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

using ObservabilityStack.Serilog.Sinks.Core;

namespace ObservabilityStack.Benchmarks.Serilog;

/// <summary>A backend that accepts everything at once, so call-site benchmarks measure our code, not a server.</summary>
internal sealed class DiscardTransport : IBatchTransport
{
    public Task<TransportResult> SendAsync(IReadOnlyList<LogRecord> batch, CancellationToken cancellationToken) =>
        Task.FromResult(TransportResult.AllDelivered());

    public void Dispose()
    {
    }
}

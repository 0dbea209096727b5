namespace ObservabilityStack.Serilog.Sinks.Core;

/// <summary>Sends one batch to a backend. Called from one sink loop at a time; may throw on network errors (retried).</summary>
internal interface IBatchTransport : IDisposable
{
    Task<TransportResult> SendAsync(IReadOnlyList<LogRecord> batch, CancellationToken cancellationToken);
}

using System.Collections.Concurrent;
using ObservabilityStack.Serilog.Sinks.Core;

namespace ObservabilityStack.Serilog.Tests.Support;

/// <summary>A scriptable backend: answers each call through <see cref="Answer"/> and records what it accepted.</summary>
internal sealed class FakeTransport : IBatchTransport
{
    private int _calls;

    /// <summary>Decides the answer to call number n (1-based). Default: everything delivered.</summary>
    public Func<int, IReadOnlyList<LogRecord>, TransportResult> Answer { get; set; } = (_, _) => TransportResult.AllDelivered();

    /// <summary>Awaited before answering; tests use it to hold the backend "down".</summary>
    public Task Gate { get; set; } = Task.CompletedTask;

    public ConcurrentQueue<LogRecord> Delivered { get; } = new();

    public ConcurrentQueue<int> BatchSizes { get; } = new();

    public int Calls => Volatile.Read(ref _calls);

    public async Task<TransportResult> SendAsync(IReadOnlyList<LogRecord> batch, CancellationToken cancellationToken)
    {
        await Gate.WaitAsync(cancellationToken);
        var call = Interlocked.Increment(ref _calls);
        BatchSizes.Enqueue(batch.Count);
        var result = Answer(call, batch);
        for (var i = 0; i < batch.Count; i++)
        {
            if (result.OutcomeOf(i).Kind == ItemOutcomeKind.Delivered)
            {
                Delivered.Enqueue(batch[i]);
            }
        }

        return result;
    }

    public void Dispose()
    {
    }
}

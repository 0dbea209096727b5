using System.Threading.Channels;
using ObservabilityStack.Serilog.Enrichers;
using ObservabilityStack.Serilog.Formatting;
using ObservabilityStack.Serilog.Sinks.Durable;
using Serilog.Core;
using Serilog.Debugging;
using Serilog.Events;

namespace ObservabilityStack.Serilog.Sinks.Core;

/// <summary>
/// The shared sink core (after Serilog's BatchingSink): <see cref="Emit"/> only tags the event with its id and
/// <c>TryWrite</c>s it into a bounded channel; formatting, batching, retries and I/O run on one background loop.
/// Dispose completes the queue and waits up to <see cref="ObservabilitySinkOptions.FlushTimeout"/> for delivery.
/// </summary>
internal sealed class DeliverySink : ILogEventSink, IDisposable, IAsyncDisposable
{
    private static readonly TimeSpan HardStopGrace = TimeSpan.FromSeconds(2);
    private readonly ObservabilitySinkOptions _options;
    private readonly IBatchTransport _transport;
    private readonly Channel<LogEvent> _queue;
    private readonly FailureReporter _reporter;
    private readonly IRecordSource _source;
    private readonly BatchDeliverer _deliverer;

    // Cancelled only when the flush timeout runs out at dispose: it interrupts sends and backoff waits.
    private readonly CancellationTokenSource _hardStop = new();
    private readonly Task _loop;
    private int _disposed;

    public DeliverySink(string name, ObservabilitySinkOptions options, IBatchTransport transport, Func<LogEvent, string> indexFor)
    {
        options.Validate();
        _options = options;
        _transport = transport;
        _queue = Channel.CreateBounded<LogEvent>(new BoundedChannelOptions(options.QueueLimit)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _reporter = new FailureReporter(options, name);
        var factory = new RecordFactory(new EcsJsonFormatter(options.Formatting), indexFor);
        _deliverer = new BatchDeliverer(transport, options, _reporter);

        // Background loops must not capture the caller's ExecutionContext (its AsyncLocals, Activity).
        using (ExecutionContext.SuppressFlow())
        {
            _source = options.BufferDirectory is null
                ? new MemoryRecordSource(_queue.Reader, factory, options)
                : new DurableRecordSource(_queue.Reader, factory, options, _reporter);
            _loop = Task.Run(RunAsync);
        }
    }

    public SinkMetrics Metrics => _reporter.Metrics;

    /// <summary>Events waiting in the memory queue (not yet formatted or buffered).</summary>
    internal int InMemory => _queue.Reader.Count;

    public void Emit(LogEvent logEvent)
    {
        ArgumentNullException.ThrowIfNull(logEvent);

        // The id is fixed before the event is queued, so every later attempt (and a restart) reuses it.
        EventIdEnricher.Ensure(logEvent);
        if (_queue.Writer.TryWrite(logEvent))
        {
            _reporter.Metrics.AddQueued();
            return;
        }

        _reporter.Dropped(logEvent, Volatile.Read(ref _disposed) == 1
            ? "sink disposed"
            : $"queue full ({_options.QueueLimit} events)");
    }

    public void Dispose()
    {
        if (!BeginDispose())
        {
            return;
        }

        if (!_loop.Wait(_options.FlushTimeout))
        {
            _hardStop.Cancel();
            _loop.Wait(HardStopGrace);
        }

        EndDispose();
    }

    public async ValueTask DisposeAsync()
    {
        if (!BeginDispose())
        {
            return;
        }

        try
        {
            await _loop.WaitAsync(_options.FlushTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            await _hardStop.CancelAsync().ConfigureAwait(false);
            await Task.WhenAny(_loop, Task.Delay(HardStopGrace)).ConfigureAwait(false);
        }

        EndDispose();
    }

    private bool BeginDispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return false;
        }

        _queue.Writer.TryComplete();
        return true;
    }

    private void EndDispose()
    {
        var unread = _source.DrainUnread();
        _reporter.Dropped(unread, "shutdown: flush timeout reached before these events were sent");
        _source.Dispose();
        _transport.Dispose();
        _hardStop.Dispose();
    }

    private async Task RunAsync()
    {
        while (!_hardStop.IsCancellationRequested)
        {
            try
            {
                var batch = await _source.ReadBatchAsync(_hardStop.Token).ConfigureAwait(false);
                if (batch is null)
                {
                    return;
                }

                var undelivered = await _deliverer.DeliverAsync(batch, _hardStop.Token).ConfigureAwait(false);
                if (undelivered.Count > 0)
                {
                    // Durable: they stay on disk (uncommitted) and go out after the restart; memory: they are lost.
                    if (!_source.IsDurable)
                    {
                        _reporter.Dropped(undelivered.Count, "shutdown: flush timeout reached before these events were sent", undelivered);
                    }

                    return;
                }

                _source.Commit();
            }
            catch (OperationCanceledException) when (_hardStop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                SelfLog.WriteLine("Sink loop failed and continues after a pause: {0}", ex);
                await Task.Delay(_options.MinBackoff, _options.TimeProvider).ConfigureAwait(false);
            }
        }
    }
}

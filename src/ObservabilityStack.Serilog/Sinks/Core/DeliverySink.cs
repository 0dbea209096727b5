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
    private readonly Func<CancellationToken, Task>? _startup;
    private readonly Task _loop;
    private int _disposed;

    /// <param name="startup">Work done on the loop before the first batch (provisioning); never on the caller's thread.</param>
    public DeliverySink(string name, ObservabilitySinkOptions options, IBatchTransport transport, Func<LogEvent, string> indexFor,
        Func<CancellationToken, Task>? startup = null)
    {
        _startup = startup;
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
        // The durable buffer commits in read order, so it sends one batch at a time.
        var limit = _source.IsDurable ? 1 : _options.MaxConcurrentBatches;
        if (_startup is not null)
        {
            try
            {
                await _startup(_hardStop.Token).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                SelfLog.WriteLine("Sink start-up work failed; sending anyway: {0}", ex);
            }
        }

        var inFlight = new List<Task>(limit);
        while (!_hardStop.IsCancellationRequested)
        {
            try
            {
                // Wait for a free slot before reading: the durable buffer must commit a batch before the next read.
                while (inFlight.Count >= limit)
                {
                    var done = await Task.WhenAny(inFlight).ConfigureAwait(false);
                    inFlight.Remove(done);
                    await done.ConfigureAwait(false);
                }

                var batch = await _source.ReadBatchAsync(_hardStop.Token).ConfigureAwait(false);
                if (batch is null)
                {
                    break;
                }

                inFlight.Add(DeliverAsync(batch));
            }
            catch (OperationCanceledException) when (_hardStop.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                SelfLog.WriteLine("Sink loop failed and continues after a pause: {0}", ex);
                await Task.Delay(_options.MinBackoff, _options.TimeProvider).ConfigureAwait(false);
            }
        }

        await Task.WhenAll(inFlight).ConfigureAwait(false);
    }

    /// <summary>Sends one batch until delivered, or until the hard stop (what is left is then counted).</summary>
    private async Task DeliverAsync(IReadOnlyList<LogRecord> batch)
    {
        try
        {
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
        catch (Exception ex)
        {
            // Nothing may escape a delivery task unobserved: count the batch as lost and say why.
            _reporter.Dropped(batch.Count, $"delivery failed: {ex.GetType().Name}: {ex.Message}", batch);
        }
    }
}

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ObservabilityStack.Agent.Commands;
using ObservabilityStack.Agent.Configuration;
using ObservabilityStack.Agent.Parsing;
using ObservabilityStack.Agent.Reading;
using ObservabilityStack.Agent.Shipping;
using ObservabilityStack.Agent.State;

namespace ObservabilityStack.Agent;

/// <summary>
/// The agent: tails the configured files (and the spools of periodic commands), turns lines into events,
/// ships them in batches to the gateway and moves each file's saved position only after the gateway
/// accepted the lines. While a batch cannot be delivered, reading pauses: the files on disk are the buffer,
/// so an outage of any length loses nothing and costs no memory.
/// </summary>
public sealed class AgentRunner : IDisposable
{
    private static readonly TimeSpan DiscoveryInterval = TimeSpan.FromSeconds(2);
    private readonly AgentOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly AgentStateStore _state;
    private readonly GatewayClient _client;
    private readonly BatchShipper _shipper;
    private readonly Dictionary<string, (FileTail Tail, MultilineJoiner Joiner)> _tails = new(StringComparer.Ordinal);
    private readonly PeriodicCommandRunner _commands;
    private DateTimeOffset _lastDiscovery = DateTimeOffset.MinValue;

    /// <summary>Creates the agent; reads the saved positions (throws when the state file is unreadable).</summary>
    public AgentRunner(AgentOptions options, TimeProvider? clock = null, ILogger? logger = null, HttpMessageHandler? handler = null)
    {
        _options = options;
        _clock = clock ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        _state = new AgentStateStore(options.StateFile);
        _client = new GatewayClient(options.GatewayUrl, options.ApiKey, handler, caCertificate: options.GatewayCaCertificate);
        _shipper = new BatchShipper(_client, new DeadLetterFile(options.DeadLetterFile), Metrics, options.RetryDelay, options.MaxRetryDelay, _clock, _logger);
        _commands = new PeriodicCommandRunner(options.Commands, SpoolDirectory, Metrics, _clock, _logger);
    }

    /// <summary>Counters for the status display and tests.</summary>
    public AgentMetrics Metrics { get; } = new();

    /// <summary>Files being followed right now.</summary>
    public IReadOnlyCollection<string> Following => [.. _tails.Values.Select(t => t.Tail.Path)];

    private string SpoolDirectory => Path.Combine(Path.GetDirectoryName(_options.StateFile)!, "commands");

    /// <summary>Runs until cancelled; on cancellation the batch in flight is finished or left unsaved (it will be resent).</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var commands = _commands.RunAsync(cancellationToken);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var shipped = await PollOnceAsync(cancellationToken).ConfigureAwait(false);
                if (shipped == 0)
                {
                    await Task.Delay(_options.BatchInterval, _clock, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: positions saved so far are exact; unsaved lines are read again next time.
        }
        finally
        {
            await commands.ConfigureAwait(false);
        }
    }

    /// <summary>Reads what is available, ships it, saves positions. Returns the number of events shipped.</summary>
    internal async Task<int> PollOnceAsync(CancellationToken cancellationToken)
    {
        // Rotation is checked on the discovery cadence: comparing an idle file's identity opens it and hashes
        // its head, which is wasted work on every poll of a quiet file.
        var discovered = Discover();
        var batch = new List<(PendingEvent Event, string Fingerprint)>();
        foreach (var (fingerprint, (tail, joiner)) in _tails.ToList())
        {
            var room = _options.BatchSize - batch.Count;
            if (room <= 0)
            {
                break;
            }

            var before = (tail.Truncations, tail.LongLines);
            var lines = tail.Read(room, _options.MaxLineBytes);
            Metrics.Truncated(tail.Truncations - before.Truncations);
            Metrics.LongLine(tail.LongLines - before.LongLines);
            var events = joiner.Add(lines);
            if (lines.Count == 0 && joiner.Idle() is { } held)
            {
                events.Add(held);
            }

            if (discovered && tail.AtEnd && lines.Count == 0 && tail.WasReplaced())
            {
                // Rotated away and read to the end: nothing more will come from this handle.
                if (tail.TakeUnterminated(_options.MaxLineBytes) is { } last)
                {
                    events.AddRange(joiner.Add([last]));
                }

                if (joiner.Flush() is { } rest)
                {
                    events.Add(rest);
                }

                tail.Dispose();
                _tails.Remove(fingerprint);
                Metrics.RotationFinished();
            }

            foreach (var line in events)
            {
                batch.Add((ToPending(line, tail.Label), line.Fingerprint));
            }
        }

        if (batch.Count == 0)
        {
            return 0;
        }

        Metrics.Read(batch.Count);
        await _shipper.ShipAsync([.. batch.Select(b => b.Event)], cancellationToken).ConfigureAwait(false);
        var now = _clock.GetUtcNow();
        foreach (var (e, fingerprint) in batch)
        {
            _state.Advance(fingerprint, e.Line.Path, e.Line.NextOffset, now);
        }

        _state.Save();
        return batch.Count;
    }

    private PendingEvent ToPending(LogLine line, string? label)
    {
        var parsed = LineParser.Parse(line.Text, label is null ? _options.Parser : ParserKind.Plain, _clock);
        return new PendingEvent(line, EventWriter.Write(parsed, line, _options.Source, _options.Environment, label));
    }

    /// <summary>Looks for new and rotated files at most every <see cref="DiscoveryInterval"/>; true when it looked.</summary>
    private bool Discover()
    {
        var now = _clock.GetUtcNow();
        if (now - _lastDiscovery < DiscoveryInterval && _tails.Count > 0)
        {
            return false;
        }

        _lastDiscovery = now;
        var found = FileSet.Expand(_options.Files).Select(p => (Path: p, Label: (string?)null))
            .Concat(FileSet.Expand([Path.Combine(SpoolDirectory, "*.log")]).Select(p => (Path: p, Label: (string?)PeriodicCommandRunner.CommandOf(p))));
        foreach (var (path, label) in found)
        {
            var fingerprint = FileFingerprint.Of(path);
            if (fingerprint is null)
            {
                continue;
            }

            if (_tails.TryGetValue(fingerprint, out var known))
            {
                known.Tail.Path = path;
                continue;
            }

            FinishMovedFile(path, fingerprint);
            _tails[fingerprint] = (new FileTail(path, fingerprint, _state.OffsetOf(fingerprint), label), new MultilineJoiner(_options.JoinIndentedLines && label is null));
            _logger.LogInformation("Following {Path} from byte {Offset}", path, _state.OffsetOf(fingerprint));
        }

        return true;
    }

    // A file that was part-read and then rotated while the agent was stopped: its saved position names a
    // fingerprint the path no longer has. Look for it beside the path (app.log.1) and finish it first.
    private void FinishMovedFile(string path, string fingerprint)
    {
        foreach (var saved in _state.Positions.Where(p => p.Path == path && p.Fingerprint != fingerprint && !_tails.ContainsKey(p.Fingerprint)).ToList())
        {
            var moved = FileSet.RotatedSiblings(path).FirstOrDefault(f => FileFingerprint.Of(f) == saved.Fingerprint);
            if (moved is not null && new FileInfo(moved).Length > saved.Offset)
            {
                _tails[saved.Fingerprint] = (new FileTail(moved, saved.Fingerprint, saved.Offset), new MultilineJoiner(_options.JoinIndentedLines));
                _logger.LogInformation("Finishing {Path} (rotated from {Original}) from byte {Offset}", moved, path, saved.Offset);
            }
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var (tail, _) in _tails.Values)
        {
            tail.Dispose();
        }

        _client.Dispose();
    }
}

using Microsoft.Extensions.Logging;

namespace ObservabilityStack.Alerting.Rules;

/// <summary>
/// Holds the current rules and reloads them when the file changes. A bad edit keeps the last good
/// rules, and the errors stay visible in <see cref="LastErrors"/> (and on /health) until a good edit.
/// Thread-safe: readers see one complete <see cref="RuleSet"/> or the next.
/// </summary>
public sealed class RuleSetProvider : IDisposable
{
    private readonly string? _path;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private FileSystemWatcher? _watcher;
    private Timer? _debounce;
    private volatile RuleSet _current;
    private IReadOnlyList<RuleError> _lastErrors = [];

    /// <summary>Loads the file now; throws <see cref="RuleLoadException"/> when the first load fails.</summary>
    public RuleSetProvider(string path, ILogger logger)
    {
        _path = Path.GetFullPath(path);
        _logger = logger;
        _current = RuleLoader.Load(_path);
    }

    /// <summary>Serves a fixed set of rules (tests, <c>obs alerts test</c>).</summary>
    public RuleSetProvider(RuleSet rules, ILogger logger)
    {
        _logger = logger;
        _current = rules;
    }

    /// <summary>Raised after a successful reload with the new rules.</summary>
    public event EventHandler<RuleSet>? Changed;

    /// <summary>The rules in force.</summary>
    public RuleSet Current => _current;

    /// <summary>Problems of the last failed reload; empty once a reload succeeds.</summary>
    public IReadOnlyList<RuleError> LastErrors => _lastErrors;

    /// <summary>Number of reloads rejected since start.</summary>
    public int RejectedReloads { get; private set; }

    /// <summary>Reloads the file; false (keeping the current rules) when it has errors.</summary>
    public bool Reload()
    {
        if (_path is null)
        {
            return true;
        }

        lock (_gate)
        {
            try
            {
                var next = RuleLoader.Load(_path);
                _current = next;
                _lastErrors = [];
                _logger.LogInformation("Reloaded {RuleCount} alert rules from {Path}", next.Rules.Count, _path);
            }
            catch (RuleLoadException e)
            {
                RejectedReloads++;
                _lastErrors = e.Errors.Count > 0 ? e.Errors : [new RuleError(_path, 0, 0, "(file)", e.Message)];
                _logger.LogError("Rules file {Path} has errors; keeping the last good rules:{NewLine}{Errors}",
                    _path, Environment.NewLine, e.Message);
                return false;
            }
        }

        Changed?.Invoke(this, _current);
        return true;
    }

    /// <summary>Starts watching the file; edits are picked up after a short debounce.</summary>
    public void StartWatching(TimeSpan? debounce = null)
    {
        if (_path is null || _watcher is not null)
        {
            return;
        }

        var wait = debounce ?? TimeSpan.FromMilliseconds(300);
        // Editors save in bursts (truncate, write, rename); one reload after the burst is enough.
        _debounce = new Timer(_ => Reload(), null, Timeout.Infinite, Timeout.Infinite);
        _watcher = new FileSystemWatcher(Path.GetDirectoryName(_path)!, Path.GetFileName(_path))
        {
            NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size | NotifyFilters.CreationTime,
        };
        FileSystemEventHandler onChange = (_, _) => _debounce.Change(wait, Timeout.InfiniteTimeSpan);
        _watcher.Changed += onChange;
        _watcher.Created += onChange;
        _watcher.Renamed += (_, _) => _debounce.Change(wait, Timeout.InfiniteTimeSpan);
        _watcher.EnableRaisingEvents = true;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _watcher?.Dispose();
        _debounce?.Dispose();
    }
}

using Microsoft.Extensions.Logging;

namespace ObservabilityStack.Gateway.Auth;

/// <summary>
/// The keys in force, re-read from the keys file when it changes (polled once a second), so
/// <c>obs keys create/revoke</c> take effect without a restart.
/// </summary>
internal sealed class ApiKeyStore : IDisposable
{
    private readonly string _path;
    private readonly ILogger _logger;
    private readonly Timer _timer;
    private Dictionary<string, ApiKeyRecord> _keys = new(StringComparer.Ordinal);
    private (DateTime Written, long Length) _seen;

    public ApiKeyStore(string path, ILogger logger)
    {
        _path = path;
        _logger = logger;
        Reload();
        _timer = new Timer(_ => Reload(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    /// <summary>How many valid (not revoked) keys are loaded.</summary>
    public int Count => _keys.Count;

    /// <summary>Finds the valid key record matching <paramref name="key"/>.</summary>
    public ApiKeyRecord? Find(string key)
    {
        var id = ApiKeys.IdOf(key);
        return id is not null && _keys.TryGetValue(id, out var record) && ApiKeys.Matches(record, key) ? record : null;
    }

    /// <summary>True when any browser key allows <paramref name="origin"/> (for CORS preflights, which carry no key).</summary>
    public bool AnyBrowserKeyAllows(string origin)
    {
        foreach (var record in _keys.Values)
        {
            if (record.Browser && record.Origins.Contains(origin, StringComparer.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Re-reads the file if its time stamp or length changed.</summary>
    public void Reload()
    {
        try
        {
            var info = new FileInfo(_path);
            var seen = info.Exists ? (info.LastWriteTimeUtc, info.Length) : default;
            if (seen == _seen && _keys.Count > 0)
            {
                return;
            }

            var next = new Dictionary<string, ApiKeyRecord>(StringComparer.Ordinal);
            foreach (var record in ApiKeys.Load(_path).Keys)
            {
                if (record.Revoked is null)
                {
                    next[record.Id] = record;
                }
            }

            _keys = next;
            if (seen != _seen)
            {
                Log.KeysLoaded(_logger, next.Count, _path);
            }

            _seen = seen;
        }
        catch (Exception ex) when (ex is IOException or System.Text.Json.JsonException or UnauthorizedAccessException)
        {
            // Keep the keys we have: a half-written or broken file must not lock everyone out.
            Log.KeysReloadFailed(_logger, _path, ex.Message);
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _timer.Dispose();
}

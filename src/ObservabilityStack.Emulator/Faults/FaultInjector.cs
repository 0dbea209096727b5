using System.Text.Json.Nodes;

namespace ObservabilityStack.Emulator.Faults;

/// <summary>
/// Fault injection for other parts' retry tests (<c>/_emulator/faults</c>): count-limited error answers
/// with <c>Retry-After</c>, slow answers, and rejected bulk items. Every applied fault is counted.
/// </summary>
internal sealed class FaultInjector
{
    private readonly Lock _sync = new();
    private readonly List<FaultRule> _rules = [];
    private long _requestsFailed;
    private long _requestsDelayed;
    private long _itemsRejected;

    public void Add(JsonObject body)
    {
        var count = body["count"]?.GetValue<int>() ?? 1;
        var rejectItems = body["reject_items"]?.GetValue<int>();
        var status = body["status"]?.GetValue<int>();
        var delay = body["delay_ms"]?.GetValue<int>() ?? 0;
        if (rejectItems is null && status is null && delay <= 0)
        {
            throw EmulatorException.IllegalArgument("a fault needs [status], [delay_ms] or [reject_items]");
        }

        if (status is < 100 or > 599)
        {
            throw EmulatorException.IllegalArgument($"[status] must be an HTTP status code, got [{status}]");
        }

        var rule = new FaultRule
        {
            Remaining = rejectItems ?? count,
            Status = rejectItems is null ? status : status ?? 400,
            PathPrefix = body["path"]?.GetValue<string>(),
            DelayMs = delay,
            RetryAfterSeconds = body["retry_after"]?.GetValue<int>(),
            ItemRule = rejectItems is not null,
            Type = body["type"]?.GetValue<string>(),
            Reason = body["reason"]?.GetValue<string>(),
        };
        lock (_sync)
        {
            _rules.Add(rule);
        }
    }

    public void Clear()
    {
        lock (_sync)
        {
            _rules.Clear();
        }
    }

    /// <summary>Applies the first matching request rule: waits its delay, then throws its status.</summary>
    public async Task BeforeRequestAsync(string path, CancellationToken cancellationToken)
    {
        FaultRule? rule = null;
        lock (_sync)
        {
            if (_rules.Count == 0)
            {
                return;
            }

            rule = _rules.FirstOrDefault(r => !r.ItemRule && r.Remaining > 0
                && (r.PathPrefix is null || path.StartsWith(r.PathPrefix, StringComparison.Ordinal)));
            if (rule is null)
            {
                return;
            }

            rule.Remaining--;
            rule.Applied++;
            if (rule.DelayMs > 0)
            {
                _requestsDelayed++;
            }

            if (rule.Status is not null)
            {
                _requestsFailed++;
            }

            _rules.RemoveAll(r => r.Remaining <= 0);
        }

        if (rule.DelayMs > 0)
        {
            await Task.Delay(rule.DelayMs, cancellationToken).ConfigureAwait(false);
        }

        if (rule.Status is { } status)
        {
            throw new EmulatorException(status, rule.Type ?? DefaultType(status), rule.Reason ?? $"injected fault: status {status}")
            {
                RetryAfterSeconds = rule.RetryAfterSeconds,
            };
        }
    }

    /// <summary>The error for the next bulk item when an item rule is active, else null.</summary>
    public EmulatorException? NextItemRejection()
    {
        lock (_sync)
        {
            var rule = _rules.FirstOrDefault(r => r.ItemRule && r.Remaining > 0);
            if (rule is null)
            {
                return null;
            }

            rule.Remaining--;
            rule.Applied++;
            _itemsRejected++;
            _rules.RemoveAll(r => r.Remaining <= 0);
            var status = rule.Status ?? 400;
            return new EmulatorException(status, rule.Type ?? DefaultType(status), rule.Reason ?? "injected fault: item rejected");
        }
    }

    public JsonObject Describe()
    {
        lock (_sync)
        {
            var active = new JsonArray();
            foreach (var r in _rules)
            {
                active.Add(new JsonObject
                {
                    ["status"] = r.Status,
                    ["remaining"] = r.Remaining,
                    ["path"] = r.PathPrefix,
                    ["delay_ms"] = r.DelayMs,
                    ["reject_items"] = r.ItemRule,
                    ["applied"] = r.Applied,
                });
            }

            return new JsonObject
            {
                ["active"] = active,
                ["requests_failed"] = _requestsFailed,
                ["requests_delayed"] = _requestsDelayed,
                ["items_rejected"] = _itemsRejected,
            };
        }
    }

    private static string DefaultType(int status) => status switch
    {
        429 => "es_rejected_execution_exception",
        503 => "unavailable_shards_exception",
        400 => "document_parsing_exception",
        _ => "exception",
    };
}

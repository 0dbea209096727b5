using System.Text.Json;
using ObservabilityStack.Serilog.Sinks.Core;

namespace ObservabilityStack.Serilog.Sinks.Elasticsearch;

/// <summary>
/// Reads the per-item results of a <c>_bulk</c> answer: 2xx delivered, 409 already delivered (an earlier attempt
/// got through), 429 and 5xx retried, anything else a permanent rejection with Elasticsearch's reason.
/// </summary>
internal static class BulkResponseReader
{
    public static TransportResult Read(ReadOnlyMemory<byte> body, int expected)
    {
        using var document = JsonDocument.Parse(body);
        if (!document.RootElement.TryGetProperty("items", out var items) || items.GetArrayLength() != expected)
        {
            return TransportResult.RetryAll($"bulk answer without {expected} items: {HttpOutcomes.Snippet(body.Span)}");
        }

        var outcomes = new ItemOutcome[expected];
        var i = 0;
        foreach (var item in items.EnumerateArray())
        {
            outcomes[i++] = ReadItem(item);
        }

        return TransportResult.PerItem(outcomes);
    }

    private static ItemOutcome ReadItem(JsonElement item)
    {
        foreach (var action in item.EnumerateObject())
        {
            var result = action.Value;
            var status = result.TryGetProperty("status", out var s) && s.TryGetInt32(out var code) ? code : 0;
            if (status is >= 200 and < 300 or 409)
            {
                return ItemOutcome.Delivered;
            }

            var reason = Describe(status, result);
            return HttpOutcomes.IsRetryable(status)
                ? new ItemOutcome(ItemOutcomeKind.Retry, reason)
                : new ItemOutcome(ItemOutcomeKind.Reject, reason);
        }

        return new ItemOutcome(ItemOutcomeKind.Retry, "empty bulk item");
    }

    private static string Describe(int status, JsonElement result)
    {
        if (!result.TryGetProperty("error", out var error))
        {
            return $"status {status}";
        }

        if (error.ValueKind != JsonValueKind.Object)
        {
            return $"status {status}: {error}";
        }

        var type = error.TryGetProperty("type", out var t) ? t.GetString() : null;
        var reason = error.TryGetProperty("reason", out var r) ? r.GetString() : null;
        return $"status {status}: {type}: {reason}";
    }
}

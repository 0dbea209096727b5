using System.Text.Json;

namespace ObservabilityStack.Gateway.Forwarding;

/// <summary>Reads the per-item statuses of a bulk answer, in request order.</summary>
internal static class BulkResponseParser
{
    /// <summary>Item results, or null when the answer is not a bulk answer with <paramref name="expected"/> items.</summary>
    public static BulkItemResult[]? Parse(ReadOnlyMemory<byte> body, int expected)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (!doc.RootElement.TryGetProperty("items", out var items) || items.GetArrayLength() != expected)
            {
                return null;
            }

            var results = new BulkItemResult[expected];
            var i = 0;
            foreach (var item in items.EnumerateArray())
            {
                foreach (var action in item.EnumerateObject())
                {
                    var value = action.Value;
                    var status = value.TryGetProperty("status", out var s) && s.TryGetInt32(out var st) ? st : 500;
                    string? type = null;
                    string? reason = null;
                    if (value.TryGetProperty("error", out var error))
                    {
                        if (error.ValueKind == JsonValueKind.Object)
                        {
                            type = error.TryGetProperty("type", out var t) ? t.GetString() : null;
                            reason = error.TryGetProperty("reason", out var r) ? r.GetString() : null;
                        }
                        else
                        {
                            reason = error.ToString();
                        }
                    }

                    results[i] = new BulkItemResult(status, type, reason);
                    break;
                }

                i++;
            }

            return results;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

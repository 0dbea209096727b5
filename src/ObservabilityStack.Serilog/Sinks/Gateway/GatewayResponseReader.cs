using System.Text.Json;
using ObservabilityStack.Serilog.Sinks.Core;

namespace ObservabilityStack.Serilog.Sinks.Gateway;

/// <summary>Reads the gateway's 202 answer <c>{"accepted":n,"rejected":[{"index":i,"reason":"..."}]}</c>.</summary>
internal static class GatewayResponseReader
{
    public static TransportResult Read(ReadOnlySpan<byte> body, int count)
    {
        var outcomes = new ItemOutcome[count];
        Array.Fill(outcomes, ItemOutcome.Delivered);
        if (body.IsEmpty)
        {
            return TransportResult.PerItem(outcomes);
        }

        var reader = new Utf8JsonReader(body);
        if (!JsonDocument.TryParseValue(ref reader, out var document))
        {
            return TransportResult.PerItem(outcomes);
        }

        using (document)
        {
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("rejected", out var rejected)
                && rejected.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in rejected.EnumerateArray())
                {
                    if (item.TryGetProperty("index", out var i) && i.TryGetInt32(out var index) && index >= 0 && index < count)
                    {
                        var reason = item.TryGetProperty("reason", out var r) ? r.GetString() : null;
                        outcomes[index] = new ItemOutcome(ItemOutcomeKind.Reject, "gateway: " + (reason ?? "rejected"));
                    }
                }
            }
        }

        return TransportResult.PerItem(outcomes);
    }
}

using System.Text.Json;

namespace ObservabilityStack.Emulator.Search.Aggregations.Buckets;

/// <summary>Opens and closes <c>"buckets"</c> as an object (keyed) or an array, as bucket aggregations render them.</summary>
internal static class BucketsWriter
{
    /// <summary>Writes <c>"buckets":{</c> or <c>"buckets":[</c>.</summary>
    public static void Start(Utf8JsonWriter writer, bool keyed)
    {
        if (keyed)
        {
            writer.WriteStartObject("buckets");
        }
        else
        {
            writer.WriteStartArray("buckets");
        }
    }

    /// <summary>Closes what <see cref="Start"/> opened.</summary>
    public static void End(Utf8JsonWriter writer, bool keyed)
    {
        if (keyed)
        {
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteEndArray();
        }
    }
}

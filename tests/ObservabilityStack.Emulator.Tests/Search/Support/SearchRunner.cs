using System.Text;
using System.Text.Json;
using ObservabilityStack.Emulator.Search;
using ObservabilityStack.Tests.Shared;

namespace ObservabilityStack.Emulator.Tests.Search.Support;

/// <summary>Runs <see cref="SearchEngine"/> with JSON strings and reads answers by dotted paths (<c>hits.hits.0._id</c>).</summary>
internal static class SearchRunner
{
    public static TimeProvider Clock { get; } = new ManualClock(new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero));

    public static JsonElement Search(string? body, params ISearchShard[] shards) => Search(body, [], shards);

    public static JsonElement Search(string? body, Dictionary<string, string> parameters, params ISearchShard[] shards)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            SearchEngine.Search(Parse(body), parameters, shards, Clock, writer);
        }

        return JsonDocument.Parse(Encoding.UTF8.GetString(stream.ToArray())).RootElement.Clone();
    }

    public static EmulatorException SearchFails(string body, params ISearchShard[] shards) =>
        Should.Throw<EmulatorException>(() => Search(body, shards));

    public static long Count(string? body, params ISearchShard[] shards) =>
        SearchEngine.Count(Parse(body), new Dictionary<string, string>(), shards, Clock);

    public static JsonElement? Parse(string? json) => json is null ? null : JsonDocument.Parse(json).RootElement.Clone();

    /// <summary>Reads a dotted path; numeric segments index arrays.</summary>
    public static JsonElement At(this JsonElement element, string path)
    {
        foreach (var segment in path.Split('.'))
        {
            element = element.ValueKind == JsonValueKind.Array
                ? element[int.Parse(segment, System.Globalization.CultureInfo.InvariantCulture)]
                : element.GetProperty(segment);
        }

        return element;
    }

    public static string[] Ids(this JsonElement response) =>
        [.. response.At("hits.hits").EnumerateArray().Select(h => h.GetProperty("_id").GetString()!)];

    public static long Total(this JsonElement response) => response.At("hits.total.value").GetInt64();
}

using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ObservabilityStack.Cli.Commands.Logs;

/// <summary>
/// The filters of <c>obs logs</c> turned into an Elasticsearch search body over every data stream
/// (<c>logs-*</c>), sorted by <c>@timestamp</c> with <c>event.id</c> as tie-breaker so
/// <c>search_after</c> pages through one merged timeline.
/// </summary>
internal sealed partial record LogQuery(
    string? Service, string? MinimumLevel, string Since, string? Query, string? OrderId, string? TraceId)
{
    /// <summary>Levels from least to most severe; <c>--level warn</c> means warn and above.</summary>
    public static readonly string[] Levels = ["trace", "debug", "info", "warn", "error", "fatal"];

    /// <summary>Index pattern searched.</summary>
    public const string IndexPattern = "logs-*";

    /// <summary>Turns <c>15m</c>, <c>2h</c>, <c>7d</c> or an ISO timestamp into a range bound, or null when invalid.</summary>
    public static string? ParseSince(string since)
    {
        if (SinceRegex().IsMatch(since))
        {
            return "now-" + since;
        }

        return DateTimeOffset.TryParse(since, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)
            : null;
    }

    /// <summary>Builds the body: newest first for the initial page, oldest first when following.</summary>
    public JsonObject ToSearchBody(int size, bool newestFirst, JsonArray? searchAfter)
    {
        var filters = new JsonArray
        {
            new JsonObject { ["range"] = new JsonObject { ["@timestamp"] = new JsonObject { ["gte"] = ParseSince(Since) } } },
        };
        AddTerm(filters, "service.name", Service);
        AddTerm(filters, "order.id", OrderId);
        AddTerm(filters, "trace.id", TraceId);
        if (MinimumLevel is not null)
        {
            var levels = new JsonArray();
            foreach (var level in Levels.SkipWhile(l => l != MinimumLevel))
            {
                levels.Add(level);
            }

            filters.Add(new JsonObject { ["terms"] = new JsonObject { ["log.level"] = levels } });
        }

        if (Query is not null)
        {
            filters.Add(new JsonObject
            {
                ["query_string"] = new JsonObject { ["query"] = Query, ["default_field"] = "message" },
            });
        }

        var order = newestFirst ? "desc" : "asc";
        var body = new JsonObject
        {
            ["size"] = size,
            ["track_total_hits"] = true,
            ["query"] = new JsonObject { ["bool"] = new JsonObject { ["filter"] = filters } },
            ["sort"] = new JsonArray
            {
                new JsonObject { ["@timestamp"] = new JsonObject { ["order"] = order } },
                new JsonObject { ["event.id"] = new JsonObject { ["order"] = order, ["unmapped_type"] = "keyword" } },
            },
        };
        if (searchAfter is not null)
        {
            body["search_after"] = searchAfter.DeepClone();
        }

        return body;
    }

    private static void AddTerm(JsonArray filters, string field, string? value)
    {
        if (value is not null)
        {
            filters.Add(new JsonObject { ["term"] = new JsonObject { [field] = value } });
        }
    }

    [GeneratedRegex("^[0-9]+[smhd]$", RegexOptions.CultureInvariant)]
    private static partial Regex SinceRegex();
}

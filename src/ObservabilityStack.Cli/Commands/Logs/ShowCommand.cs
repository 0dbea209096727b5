using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using ObservabilityStack.Cli.Core;
using ObservabilityStack.Cli.Features;
using ObservabilityStack.Elasticsearch;
using ObservabilityStack.Elasticsearch.Provisioning;
using Spectre.Console;

namespace ObservabilityStack.Cli.Commands.Logs;

/// <summary>
/// <c>obs logs</c>: one merged timeline over every service's data stream, filtered, optionally
/// followed (<c>-f</c>) by polling with <c>search_after</c> from the last event shown.
/// </summary>
internal sealed class ShowCommand : CommandDefinition
{
    private readonly ElasticsearchConnectionFeature _connection;
    private readonly Option<string?> _service;
    private readonly Option<string?> _level;
    private readonly Option<string> _since;
    private readonly Option<string?> _query;
    private readonly Option<string?> _order;
    private readonly Option<string?> _trace;
    private readonly Option<bool> _follow;
    private readonly Option<int> _limit;
    private readonly Option<double> _interval;

    /// <summary>Creates the command.</summary>
    public ShowCommand(CliEnvironment environment)
        : base(environment, "logs", "Show one merged, time-ordered timeline of every service's logs.")
    {
        _connection = Enable(new ElasticsearchConnectionFeature(environment,
            "Elasticsearch (or gateway-fed emulator) to read from (default http://127.0.0.1:9200 or OBS_ELASTICSEARCH_URL)."));
        _service = Add(new Option<string?>("--service") { Description = "Only this service (service.name), e.g. shop-api.", HelpName = "S" });
        _level = Add(new Option<string?>("--level") { Description = "Only this level and more severe: trace, debug, info, warn, error, fatal.", HelpName = "L" });
        _level.AcceptOnlyFromAmong(LogQuery.Levels);
        _since = Add(new Option<string>("--since")
        {
            Description = "How far back to look: 30s, 15m, 2h, 7d or an ISO timestamp.",
            DefaultValueFactory = _ => "15m",
        });
        _query = Add(new Option<string?>("--query") { Description = "Lucene query_string, e.g. 'message:timeout AND http.response.status_code:>=500'.", HelpName = "Q" });
        _order = Add(new Option<string?>("--order") { Description = "Only events of this order (order.id), across shop, CRM and MES.", HelpName = "ID" });
        _trace = Add(new Option<string?>("--trace") { Description = "Only events of this trace (trace.id).", HelpName = "ID" });
        _follow = Add(new Option<bool>("--follow", "-f") { Description = "Keep polling and print new events as they arrive." });
        _limit = Add(new Option<int>("--limit")
        {
            Description = "Most recent events to show before following (1-10000).",
            DefaultValueFactory = _ => 200,
        });
        _interval = Add(new Option<double>("--interval")
        {
            Description = "Seconds between polls with --follow.",
            DefaultValueFactory = _ => 2,
        });
    }

    /// <inheritdoc/>
    protected override async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var query = new LogQuery(parseResult.GetValue(_service), parseResult.GetValue(_level), parseResult.GetValue(_since)!,
            parseResult.GetValue(_query), parseResult.GetValue(_order), parseResult.GetValue(_trace));
        if (LogQuery.ParseSince(query.Since) is null)
        {
            throw new CliException($"--since '{query.Since}' is not a duration (30s, 15m, 2h, 7d) or an ISO timestamp.", ExitCodes.Usage);
        }

        var limit = parseResult.GetValue(_limit);
        var interval = parseResult.GetValue(_interval);
        if (limit is < 1 or > 10_000 || interval is <= 0 or > 3600)
        {
            throw new CliException("--limit must be 1-10000 and --interval 0-3600 seconds.", ExitCodes.Usage);
        }

        using var connection = _connection.Connect(parseResult);
        var page = await SearchAsync(connection.Client, query.ToSearchBody(limit, newestFirst: true, searchAfter: null), cancellationToken);
        if (page.Total > page.Hits.Count)
        {
            Environment.Error.WriteLine($"({page.Total - page.Hits.Count} older events not shown: narrow --since or raise --limit)");
        }

        page.Hits.Reverse();
        var last = Print(page.Hits);
        if (!parseResult.GetValue(_follow))
        {
            return ExitCodes.Ok;
        }

        try
        {
            while (true)
            {
                await Task.Delay(TimeSpan.FromSeconds(interval), cancellationToken);
                var next = await SearchAsync(connection.Client, query.ToSearchBody(1000, newestFirst: false, last), cancellationToken);
                last = Print(next.Hits) ?? last;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ExitCodes.Ok;
        }
    }

    private JsonArray? Print(List<(JsonElement Source, JsonArray Sort)> hits)
    {
        foreach (var (source, _) in hits)
        {
            Output.MarkupLine(LogLineFormatter.Format(source));
        }

        return hits.Count == 0 ? null : hits[^1].Sort;
    }

    private static async Task<(long Total, List<(JsonElement Source, JsonArray Sort)> Hits)> SearchAsync(
        ElasticsearchClient client, JsonObject body, CancellationToken cancellationToken)
    {
        Elasticsearch.Transport.ElasticsearchResponse response;
        try
        {
            response = await client.SendJsonAsync(HttpMethod.Post, $"/{LogQuery.IndexPattern}/_search?ignore_unavailable=true",
                body.ToJsonString(), cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or ElasticsearchException { IsConnectionFailure: true })
        {
            throw new CliException($"Cannot reach Elasticsearch at {client.Options.RedactedUrl} ({ex.Message}). Start it (`obs up`) or pass --elasticsearch URL.",
                ExitCodes.Unavailable, ex);
        }

        if (!response.IsSuccess)
        {
            throw new CliException(
                $"Search failed at {client.Options.Url} ({(int)response.StatusCode}): {ErrorReason.Of(response)}. " +
                "Check --query syntax and credentials.", ExitCodes.Failure);
        }

        using var doc = response.ToJsonDocument();
        var hits = doc.RootElement.GetProperty("hits");
        var total = hits.TryGetProperty("total", out var t) && t.ValueKind == JsonValueKind.Object ? t.GetProperty("value").GetInt64() : 0;
        var list = new List<(JsonElement, JsonArray)>();
        foreach (var hit in hits.GetProperty("hits").EnumerateArray())
        {
            var sort = JsonNode.Parse(hit.GetProperty("sort").GetRawText())!.AsArray();
            list.Add((hit.GetProperty("_source").Clone(), sort));
        }

        return (total, list);
    }
}

using System.Text.Json.Nodes;
using ObservabilityStack.Elasticsearch;

namespace ObservabilityStack.Serilog.Tests.Support;

/// <summary>Looks into the emulator (or a real cluster) the way a user would: refresh, search, inject faults.</summary>
internal sealed class EmulatorProbe(Uri url) : IDisposable
{
    private readonly ElasticsearchClient _client = new(new ElasticsearchClientOptions { Url = url });

    public async Task<List<JsonObject>> DocumentsAsync(string index)
    {
        await _client.SendJsonAsync(HttpMethod.Post, $"/{index}/_refresh", null);
        var response = await _client.SendJsonAsync(HttpMethod.Post, $"/{index}/_search?size=10000",
            """{"query":{"match_all":{}}}""");
        if ((int)response.StatusCode == 404)
        {
            return [];
        }

        response.IsSuccess.ShouldBeTrue(System.Text.Encoding.UTF8.GetString(response.Body.Span));
        var hits = JsonNode.Parse(response.Body.Span)!["hits"]!["hits"]!.AsArray();
        return [.. hits.Select(h => { var source = h!["_source"]!.AsObject(); source["_id"] = h["_id"]!.GetValue<string>(); return source; })];
    }

    public async Task InjectAsync(string faultJson)
    {
        var response = await _client.SendJsonAsync(HttpMethod.Post, "/_emulator/faults", faultJson);
        response.IsSuccess.ShouldBeTrue(System.Text.Encoding.UTF8.GetString(response.Body.Span));
    }

    public async Task ClearFaultsAsync() => await _client.SendJsonAsync(HttpMethod.Delete, "/_emulator/faults", null);

    public async Task<bool> DataStreamExistsAsync(string name) =>
        (await _client.SendJsonAsync(HttpMethod.Get, $"/_data_stream/{name}", null)).IsSuccess;

    public void Dispose() => _client.Dispose();
}

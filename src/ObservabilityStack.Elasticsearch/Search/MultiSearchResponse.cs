using System.Text.Json;

namespace ObservabilityStack.Elasticsearch.Search;

/// <summary>The answers of <c>_msearch</c>, in request order. Dispose to release the parsed JSON.</summary>
public sealed class MultiSearchResponse : IDisposable
{
    private readonly JsonDocument _document;

    /// <summary>Wraps an <c>_msearch</c> answer (takes ownership).</summary>
    public MultiSearchResponse(JsonDocument document)
    {
        _document = document;
        var items = new List<MultiSearchItem>();
        if (document.RootElement.TryGetProperty("responses", out var responses) && responses.ValueKind == JsonValueKind.Array)
        {
            foreach (var response in responses.EnumerateArray())
            {
                items.Add(ToItem(response));
            }
        }

        Responses = items;
    }

    /// <summary>One item per search, in request order.</summary>
    public IReadOnlyList<MultiSearchItem> Responses { get; }

    /// <inheritdoc/>
    public void Dispose() => _document.Dispose();

    private static MultiSearchItem ToItem(JsonElement response)
    {
        var status = response.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetInt32() : 200;
        if (response.TryGetProperty("error", out var error))
        {
            var type = error.ValueKind == JsonValueKind.Object && error.TryGetProperty("type", out var t) ? t.GetString() : null;
            var reason = error.ValueKind == JsonValueKind.Object
                ? error.TryGetProperty("reason", out var r) ? r.GetString() : type
                : error.ToString();
            return new MultiSearchItem { Status = status, ErrorType = type, ErrorReason = reason };
        }

        return new MultiSearchItem { Status = status, Response = new SearchResponse(response, owner: null) };
    }
}

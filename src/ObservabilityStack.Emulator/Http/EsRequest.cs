using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace ObservabilityStack.Emulator.Http;

/// <summary>One API call: path values, query parameters, body readers and answer writers.</summary>
internal sealed class EsRequest(HttpContext http, Dictionary<string, string> route)
{
    private Dictionary<string, string>? _query;

    public HttpContext Http { get; } = http;

    public string Method => Http.Request.Method;

    public CancellationToken Aborted => Http.RequestAborted;

    public IReadOnlyDictionary<string, string> QueryParameters => _query ??= Http.Request.Query
        .ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);

    public string Route(string name) => route[name];

    public string? RouteOrNull(string name) => route.GetValueOrDefault(name);

    public string? Query(string name) => QueryParameters.TryGetValue(name, out var v) ? v : null;

    public bool Flag(string name, bool defaultValue = false)
    {
        var value = Query(name);
        return value switch
        {
            null => defaultValue,
            "" or "true" => true,
            "false" => false,
            _ => throw EmulatorException.IllegalArgument(
                $"Failed to parse value [{value}] as only [true] or [false] are allowed."),
        };
    }

    public long? Long(string name)
    {
        var value = Query(name);
        if (value is null)
        {
            return null;
        }

        return long.TryParse(value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n)
            ? n
            : throw EmulatorException.IllegalArgument($"Failed to parse int parameter [{name}] with value [{value}]");
    }

    public async Task<byte[]> ReadBytesAsync()
    {
        var source = Query("source");
        if (source is not null)
        {
            return System.Text.Encoding.UTF8.GetBytes(source);
        }

        using var buffer = new MemoryStream();
        await Http.Request.Body.CopyToAsync(buffer, Aborted);
        return buffer.ToArray();
    }

    /// <summary>The body as JSON, or null when empty. Malformed JSON is a 400 parsing error.</summary>
    public async Task<JsonNode?> ReadJsonAsync()
    {
        var bytes = await ReadBytesAsync();
        return ParseJson(bytes);
    }

    public static JsonNode? ParseJson(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Trim(" \t\r\n"u8).IsEmpty)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(bytes, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = false });
        }
        catch (JsonException e)
        {
            throw new EmulatorException(400, "x_content_parse_exception", $"[1:{e.BytePositionInLine ?? 0}] {e.Message}");
        }
    }

    public async Task<JsonObject> ReadObjectAsync()
    {
        var node = await ReadJsonAsync();
        return node switch
        {
            null => [],
            JsonObject o => o,
            _ => throw EmulatorException.Parsing("request body must be a JSON object"),
        };
    }

    public Task WriteAsync(int status, Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = Query("pretty") is not null }))
        {
            write(writer);
        }

        return WriteBytesAsync(status, buffer.WrittenMemory);
    }

    public Task WriteNodeAsync(int status, JsonNode node) => WriteAsync(status, w => node.WriteTo(w));

    public Task AcknowledgedAsync() => WriteAsync(200, static w =>
    {
        w.WriteStartObject();
        w.WriteBoolean("acknowledged", true);
        w.WriteEndObject();
    });

    public Task StatusOnlyAsync(int status)
    {
        Http.Response.StatusCode = status;
        Http.Response.ContentType = EsContentType.For(Http);
        Http.Response.ContentLength = 0;
        return Task.CompletedTask;
    }

    public async Task WriteBytesAsync(int status, ReadOnlyMemory<byte> body)
    {
        var response = Http.Response;
        response.StatusCode = status;
        response.ContentType = EsContentType.For(Http);
        response.ContentLength = body.Length;
        if (!HttpMethods.IsHead(Method))
        {
            await response.Body.WriteAsync(body, Aborted);
        }
    }
}

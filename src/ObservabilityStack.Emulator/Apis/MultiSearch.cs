using System.Diagnostics;
using System.Text.Json;
using ObservabilityStack.Emulator.Http;
using ObservabilityStack.Emulator.Storage;

namespace ObservabilityStack.Emulator.Apis;

/// <summary><c>_msearch</c>: header/body line pairs, each answered (or failed) on its own with a status.</summary>
internal static class MultiSearch
{
    public static async Task RunAsync(EsRequest r, EmulatorContext context, string? defaultIndex)
    {
        var started = Stopwatch.GetTimestamp();
        var bytes = await r.ReadBytesAsync();
        var lines = Split(bytes);
        var requests = new List<(JsonElement? Header, JsonElement? Body)>();
        for (var i = 0; i < lines.Count; i += 2)
        {
            var body = i + 1 < lines.Count ? SearchApi.ParseBody(lines[i + 1].Span) : null;
            CheckTotalHits(r, body);
            requests.Add((SearchApi.ParseBody(lines[i].Span), body));
        }

        var answers = requests.Select(q => One(r, context, defaultIndex, q.Header, q.Body)).ToList();

        await r.WriteAsync(200, w =>
        {
            w.WriteStartObject();
            w.WriteNumber("took", SearchApi.Elapsed(started));
            w.WriteStartArray("responses");
            foreach (var answer in answers)
            {
                w.WriteRawValue(answer, skipInputValidation: true);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static byte[] One(EsRequest r, EmulatorContext context, string? defaultIndex, JsonElement? header, JsonElement? body)
    {
        try
        {
            var expression = defaultIndex;
            var options = IndicesOptions.From(r, SearchApi.SearchDefaults);
            if (header is { ValueKind: JsonValueKind.Object } h)
            {
                if (h.TryGetProperty("index", out var index))
                {
                    expression = index.ValueKind == JsonValueKind.Array
                        ? string.Join(",", index.EnumerateArray().Select(e => e.GetString()))
                        : index.GetString();
                }

                if (h.TryGetProperty("ignore_unavailable", out var ignore))
                {
                    options = options with { IgnoreUnavailable = ignore.ValueKind == JsonValueKind.True || ignore.ToString() == "true" };
                }

                if (h.TryGetProperty("allow_no_indices", out var allow))
                {
                    options = options with { AllowNoIndices = allow.ValueKind == JsonValueKind.True || allow.ToString() == "true" };
                }
            }

            expression = Security.SecurityGate.NarrowSearch(r.Http, context.Cluster, expression);
            var shards = SearchApi.Shards(context.Cluster, expression, options);
            var buffer = SearchApi.Run(body, r.QueryParameters, shards, context.Clock);
            return WithStatus(buffer.WrittenSpan, 200);
        }
        catch (EmulatorException e)
        {
            using var stream = new MemoryStream();
            using (var w = new Utf8JsonWriter(stream))
            {
                ErrorBody.WriteAnswer(w, e);
            }

            return stream.ToArray();
        }
    }

    /// <summary>Like Elasticsearch, msearch refuses the whole request when integer totals cannot be exact.</summary>
    private static void CheckTotalHits(EsRequest r, JsonElement? body)
    {
        if (r.Query("rest_total_hits_as_int") is not ("true" or "") || body is not { ValueKind: JsonValueKind.Object } b
            || !b.TryGetProperty("track_total_hits", out var track))
        {
            return;
        }

        if (track.ValueKind == JsonValueKind.False || (track.ValueKind == JsonValueKind.Number && track.GetInt64() != -1))
        {
            throw EmulatorException.IllegalArgument(
                $"[rest_total_hits_as_int] cannot be used if the tracking of total hits is not accurate, got {track.GetRawText()}");
        }
    }

    /// <summary>Adds <c>"status":N</c> to a finished search answer object.</summary>
    private static byte[] WithStatus(ReadOnlySpan<byte> answer, int status)
    {
        var end = answer.LastIndexOf((byte)'}');
        var suffix = System.Text.Encoding.UTF8.GetBytes($"{(end > 1 ? "," : "")}\"status\":{status}}}");
        var result = new byte[end + suffix.Length];
        answer[..end].CopyTo(result);
        suffix.CopyTo(result.AsSpan(end));
        return result;
    }

    private static List<ReadOnlyMemory<byte>> Split(byte[] bytes)
    {
        var lines = new List<ReadOnlyMemory<byte>>();
        var start = 0;
        for (var i = 0; i <= bytes.Length; i++)
        {
            if (i == bytes.Length || bytes[i] == (byte)'\n')
            {
                var line = bytes.AsMemory(start, i - start);
                if (!line.Span.Trim(" \t\r"u8).IsEmpty)
                {
                    lines.Add(line);
                }

                start = i + 1;
            }
        }

        return lines;
    }
}

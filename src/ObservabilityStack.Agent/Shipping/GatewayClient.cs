using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using ObservabilityStack.Elasticsearch.Transport;

namespace ObservabilityStack.Agent.Shipping;

/// <summary>Sends batches to the gateway's <c>/v1/logs</c> as gzip-compressed NDJSON and classifies its answer.</summary>
internal sealed class GatewayClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly Uri _logs;

    public GatewayClient(Uri gateway, string apiKey, HttpMessageHandler? handler = null, TimeSpan? timeout = null, string? caCertificate = null)
    {
        _http = handler is null ? new HttpClient(TrustingHttpHandler.Create(caCertificate)) : new HttpClient(handler, disposeHandler: false);
        _http.Timeout = timeout ?? TimeSpan.FromSeconds(30);
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", apiKey);
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("obs-agent", "1.0"));
        Gateway = gateway;
        _logs = new Uri(gateway, "v1/logs");
    }

    public Uri Gateway { get; }

    public async Task<SendResult> SendAsync(IReadOnlyList<PendingEvent> batch, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(Compress(batch));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        content.Headers.ContentEncoding.Add("gzip");
        HttpResponseMessage response;
        try
        {
            response = await _http.PostAsync(_logs, content, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e) when (e.InnerException is System.Security.Authentication.AuthenticationException)
        {
            return new SendResult(SendKind.Retry, [], null,
                $"the gateway's TLS certificate was refused ({e.InnerException.Message}); if a private CA signed it, set GATEWAY_CA_CERT to that CA's file");
        }
        catch (HttpRequestException e)
        {
            return new SendResult(SendKind.Retry, [], null, $"gateway unreachable: {e.Message}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new SendResult(SendKind.Retry, [], null, $"gateway did not answer within {_http.Timeout.TotalSeconds:0} s");
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            var detail = $"{status} {Shorten(body)}";
            return response.StatusCode switch
            {
                HttpStatusCode.Accepted or HttpStatusCode.OK => new SendResult(SendKind.Accepted, Rejections(body), null, detail, status),
                HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new SendResult(SendKind.Refused, [], null, detail, status),
                HttpStatusCode.RequestEntityTooLarge => new SendResult(SendKind.TooLarge, [], null, detail, status),
                HttpStatusCode.BadRequest => new SendResult(SendKind.Accepted, AllRejected(body, batch.Count), null, detail, status),
                _ => new SendResult(SendKind.Retry, [], response.Headers.RetryAfter?.Delta, detail, status),
            };
        }
    }

    private static byte[] Compress(IReadOnlyList<PendingEvent> batch)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            foreach (var e in batch)
            {
                gzip.Write(e.Json);
                gzip.WriteByte((byte)'\n');
            }
        }

        return output.ToArray();
    }

    private static List<(int, string)> Rejections(string body)
    {
        var list = new List<(int, string)>();
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.TryGetProperty("rejected", out var rejected) && rejected.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in rejected.EnumerateArray())
                {
                    list.Add((item.GetProperty("index").GetInt32(), item.TryGetProperty("reason", out var r) ? r.GetString() ?? "" : ""));
                }
            }
        }
        catch (JsonException)
        {
            // A 202 without a readable body still means accepted.
        }
        catch (KeyNotFoundException)
        {
        }

        return list;
    }

    // A 400 lists each refused event when some were readable; otherwise the whole body was refused.
    private static List<(int, string)> AllRejected(string body, int count)
    {
        var listed = Rejections(body);
        if (listed.Count > 0)
        {
            return listed;
        }

        var reason = $"gateway refused the whole batch: 400 {Shorten(body)}";
        return [.. Enumerable.Range(0, count).Select(i => (i, reason))];
    }

    private static string Shorten(string body) => body.Length > 300 ? body[..300] + "..." : body;

    public void Dispose() => _http.Dispose();
}

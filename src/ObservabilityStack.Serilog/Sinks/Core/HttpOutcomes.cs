using System.Net.Http.Headers;
using System.IO.Compression;
using System.Text;

namespace ObservabilityStack.Serilog.Sinks.Core;

/// <summary>HTTP helpers shared by the transports: whole-request verdicts, Retry-After, gzip bodies.</summary>
internal static class HttpOutcomes
{
    private const int ReasonLength = 500;

    /// <summary>429, 408 and 5xx are worth retrying; other non-success statuses are a permanent rejection.</summary>
    public static bool IsRetryable(int status) => status is 429 or 408 || status >= 500;

    public static TransportResult ForFailedStatus(int status, ReadOnlySpan<byte> body, TimeSpan? retryAfter)
    {
        var reason = $"HTTP {status}: {Snippet(body)}";
        return IsRetryable(status) ? TransportResult.RetryAll(reason, retryAfter) : TransportResult.RejectAll(reason);
    }

    public static TimeSpan? RetryAfter(RetryConditionHeaderValue? header, TimeProvider clock) => header switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - clock.GetUtcNow(),
        _ => null,
    };

    public static string Snippet(ReadOnlySpan<byte> body)
    {
        var text = Encoding.UTF8.GetString(body.Length > ReasonLength ? body[..ReasonLength] : body);
        return text.Length == 0 ? "(empty body)" : text;
    }

    /// <summary>The body as request content, gzip-compressed (fastest level) when asked.</summary>
    public static HttpContent Content(ReadOnlySpan<byte> body, bool compress, string contentType)
    {
        HttpContent content;
        if (compress)
        {
            using var compressed = new MemoryStream(body.Length / 4 + 64);
            using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
            {
                gzip.Write(body);
            }

            content = new ByteArrayContent(compressed.GetBuffer(), 0, (int)compressed.Length);
            content.Headers.ContentEncoding.Add("gzip");
        }
        else
        {
            content = new ByteArrayContent(body.ToArray());
        }

        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }
}

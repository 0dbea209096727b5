using System.IO.Compression;
using System.Net;

namespace ObservabilityStack.Serilog.Sinks.Elasticsearch;

/// <summary>Compresses request bodies with gzip (fastest level) on the way out, streaming: no second copy of the batch.</summary>
internal sealed class GzipRequestHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is { } content && !content.Headers.ContentEncoding.Contains("gzip"))
        {
            request.Content = new GzipContent(content);
        }

        return base.SendAsync(request, cancellationToken);
    }

    private sealed class GzipContent : HttpContent
    {
        private readonly HttpContent _inner;

        public GzipContent(HttpContent inner)
        {
            _inner = inner;
            foreach (var header in inner.Headers)
            {
                Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            Headers.ContentEncoding.Add("gzip");
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        {
            var gzip = new GZipStream(stream, CompressionLevel.Fastest, leaveOpen: true);
            await using (gzip.ConfigureAwait(false))
            {
                await _inner.CopyToAsync(gzip, cancellationToken).ConfigureAwait(false);
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}

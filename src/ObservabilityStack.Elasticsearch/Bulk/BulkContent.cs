using System.Net;

namespace ObservabilityStack.Elasticsearch.Bulk;

/// <summary>Streams a bulk NDJSON body straight into the request; single use (one per attempt).</summary>
internal sealed class BulkContent : HttpContent
{
    private readonly IReadOnlyList<BulkOperation> _operations;

    public BulkContent(IReadOnlyList<BulkOperation> operations)
    {
        _operations = operations;
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        BulkBodyWriter.WriteAsync(stream, _operations, CancellationToken.None);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        BulkBodyWriter.WriteAsync(stream, _operations, cancellationToken);

    protected override bool TryComputeLength(out long length)
    {
        // Unknown up front: the body goes out chunked, which Elasticsearch accepts.
        length = 0;
        return false;
    }
}

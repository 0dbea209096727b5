using System.Text;
using BenchmarkDotNet.Attributes;
using ObservabilityStack.Elasticsearch.Bulk;

namespace ObservabilityStack.Benchmarks.Elasticsearch;

/// <summary>
/// Bulk NDJSON body of 500 pre-serialized ~1 KB ECS documents: the client's streamed writer against the naive
/// "build one string, then encode it" approach it replaces.
/// </summary>
[MemoryDiagnoser]
public class BulkSerializationBenchmark
{
    private BulkOperation[] _operations = [];
    private string[] _documentsAsText = [];

    [GlobalSetup]
    public void Setup()
    {
        _operations = new BulkOperation[500];
        _documentsAsText = new string[500];
        for (var i = 0; i < _operations.Length; i++)
        {
            var json = Document(i);
            _documentsAsText[i] = json;
            _operations[i] = BulkOperation.Create("logs-shop_api-production", $"01JD{i:D22}", Encoding.UTF8.GetBytes(json));
        }
    }

    [Benchmark(Baseline = true, Description = "StringBuilder + UTF8.GetBytes")]
    public int NaiveString()
    {
        var builder = new StringBuilder();
        for (var i = 0; i < _operations.Length; i++)
        {
            builder.Append("{\"create\":{\"_index\":\"").Append(_operations[i].Index).Append("\",\"_id\":\"")
                .Append(_operations[i].Id).Append("\"}}\n").Append(_documentsAsText[i]).Append('\n');
        }

        return Encoding.UTF8.GetBytes(builder.ToString()).Length;
    }

    [Benchmark(Description = "BulkBodyWriter (pooled, streamed)")]
    public async Task<long> StreamedWriter()
    {
        var sink = new CountingStream();
        await BulkBodyWriter.WriteAsync(sink, _operations, CancellationToken.None);
        return sink.Length;
    }

    private static string Document(int i)
    {
        var message = $"GET /api/orders/{i} answered 200 in {i % 97} ms for customer {i % 1000} via checkout flow "
            + new string('x', 560);
        return $$$"""{"@timestamp":"2026-11-21T10:{{{i % 60:D2}}}:{{{i % 60:D2}}}.123Z","log.level":"info","message":"{{{message}}}","service.name":"shop-api","service.version":"1.4.2","service.environment":"production","host.name":"shop-api-7d9f8c6b5-x2x4z","trace.id":"4bf92f3577b34da6a3ce929d0e0e{{{i:D4}}}","span.id":"00f067aa0ba902b7","http.request.method":"GET","url.path":"/api/orders/{{{i}}}","http.response.status_code":200,"event.duration":{{{i * 1000}}},"labels":{"region":"eu-west-1","tenant":"acme"}}""";
    }

    /// <summary>A write-only stream that counts bytes, so the benchmark measures serialization, not a sink.</summary>
    private sealed class CountingStream : Stream
    {
        private long _length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position { get => _length; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => _length += count;

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _length += buffer.Length;
            return ValueTask.CompletedTask;
        }
    }
}

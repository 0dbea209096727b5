using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ObservabilityStack.Emulator.Search;
using ObservabilityStack.Emulator.Storage;
using ObservabilityStack.Emulator.Tests.Search.Support;

namespace ObservabilityStack.Emulator.Tests.Search.DocValues;

/// <summary>
/// A real <see cref="EsIndex"/> with tricky documents (dotted literal keys, arrays, nulls, numbers in keyword fields,
/// booleans and dates written several ways) and helpers that run the same search through its columns and through
/// the source-only path, so a test can demand identical answers.
/// </summary>
internal sealed class ColumnIndex
{
    public const string Mapping = """
        {"dynamic":false,"properties":{
          "@timestamp":{"type":"date"},
          "tag":{"type":"keyword"},
          "num_kw":{"type":"keyword"},
          "code":{"type":"long"},
          "ratio":{"type":"double"},
          "ok":{"type":"boolean"},
          "when":{"type":"date","format":"yyyy-MM-dd HH:mm:ss||epoch_millis"},
          "seen":{"type":"date"},
          "msg":{"type":"text","fields":{"keyword":{"type":"keyword"}}},
          "client":{"properties":{"ip":{"type":"ip"}}},
          "obj":{"properties":{"a":{"type":"keyword"},"n":{"type":"integer"}}}}}
        """;

    /// <summary>Documents chosen to hit every branch of value reading; ids are their position.</summary>
    public static readonly string[] Tricky =
    [
        """{"tag":"a","num_kw":42,"code":200,"ratio":0.5,"ok":true,"when":"2024-05-01 10:00:00","seen":"2024-05-01T10:00:00Z","msg":"GET /a ok","client":{"ip":"10.0.0.1"},"obj":{"a":"x","n":1}}""",
        """{"tag":["b","a","b"],"num_kw":"42","code":"500","ratio":[1.5,-2],"ok":"false","when":1714557600000,"seen":"2024-05-01","msg":["two","values"],"obj.a":"dotted","obj.n":"7"}""",
        """{"tag":null,"num_kw":4.50,"code":[404,503],"ok":false,"when":"1714557600000","seen":1714557600123,"msg":"Error: boom","client.ip":"10.0.0.2","obj":[{"a":"p","n":2},{"a":"q"}]}""",
        """{"code":null,"ratio":"3.25","ok":"true","msg":null,"obj":{"a":null},"extra":"unmapped","extra_n":12}""",
        """{"tag":"","num_kw":true,"code":200.0,"ok":[true,false],"when":"2024-05-01 10:00:01","seen":"2024-05-01T09:59:59.999+02:00","obj":{"a":["m","n"],"n":[3,4]},"obj.a":"both","extra":["u1","u2"]}""",
        """{"tag":"a","code":-1,"ratio":1e3,"seen":"2024-04-30T23:00:00Z","client":{"ip":["10.0.0.1","::1"]},"extra_n":"13"}""",
        """{}""",
    ];

    private readonly EsIndex _index;
    private readonly long _baseMillis;
    private int _next;

    public ColumnIndex(string name = "columns")
    {
        _index = new EsIndex(name, 0);
        _index.Mappings.Merge((JsonObject)JsonNode.Parse(Mapping)!);
        _baseMillis = DateTimeOffset.Parse("2024-05-01T11:00:00Z", CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();
    }

    public EsIndex Index => _index;

    /// <summary>Indexes the sources (each gets the next second as @timestamp) and refreshes them into a new run.</summary>
    public ColumnIndex AddRun(IEnumerable<string> sources)
    {
        foreach (var source in sources)
        {
            var node = (JsonObject)JsonNode.Parse(source)!;
            node["@timestamp"] = DateTimeOffset.FromUnixTimeMilliseconds(_baseMillis + (_next * 1000L)).ToString("O", CultureInfo.InvariantCulture);
            _index.Index(_next.ToString(CultureInfo.InvariantCulture), Encoding.UTF8.GetBytes(node.ToJsonString()), default);
            _next++;
        }

        _index.Refresh();
        return this;
    }

    /// <summary>One index seen through its columns and through <c>_source</c> only.</summary>
    public sealed record Pair(IndexShard Columns, SourceOnlyShard Source);

    /// <summary>The column-backed shard as search sees it now.</summary>
    public IndexShard Shard() => new(_index);

    /// <summary>Runs <paramref name="body"/> both ways and returns both answers without <c>took</c>.</summary>
    public (string Columns, string Source) BothWays(string body)
    {
        var shard = Shard();
        return (Answer(body, shard), Answer(body, new SourceOnlyShard(shard)));
    }

    /// <summary>Asserts both ways give the same answer and returns it parsed.</summary>
    public JsonElement Same(string body)
    {
        var (columns, source) = BothWays(body);
        columns.ShouldBe(source, $"body: {body}");
        return JsonDocument.Parse(columns).RootElement.Clone();
    }

    private static string Answer(string body, ISearchShard shard)
    {
        var answer = (JsonObject)JsonNode.Parse(SearchRunner.Search(body, shard).GetRawText())!;
        answer.Remove("took");
        return answer.ToJsonString();
    }
}

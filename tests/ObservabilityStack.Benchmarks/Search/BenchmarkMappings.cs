using ObservabilityStack.Emulator.Search;

namespace ObservabilityStack.Benchmarks.Search;

/// <summary>The ECS fields the benchmark documents use.</summary>
internal sealed class BenchmarkMappings : IFieldMappings
{
    private readonly Dictionary<string, MappedField> _fields = new[]
    {
        new MappedField("@timestamp", "date"),
        new MappedField("message", "text"),
        new MappedField("message.keyword", "keyword"),
        new MappedField("log.level", "keyword"),
        new MappedField("service.name", "keyword"),
        new MappedField("http.response.status_code", "long"),
        new MappedField("event.duration", "long"),
        new MappedField("trace.id", "keyword"),
    }.ToDictionary(f => f.Path, StringComparer.Ordinal);

    public IEnumerable<MappedField> All => _fields.Values;

    public MappedField? Find(string path) => _fields.GetValueOrDefault(path);
}

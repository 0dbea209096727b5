using System.Text.Json.Nodes;

namespace ObservabilityStack.Emulator.Ingest;

/// <summary>Ingest pipelines by id; with a data directory kept in <c>ingest.json</c>, replaced atomically on change.</summary>
internal sealed class PipelineStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Pipeline> _pipelines = new(StringComparer.Ordinal);
    private readonly string? _path;

    public PipelineStore(string? dataDirectory)
    {
        _path = dataDirectory is null ? null : Path.Combine(dataDirectory, "ingest.json");
        foreach (var (id, body) in AtomicJsonFile.Read(_path) ?? [])
        {
            _pipelines[id] = Pipeline.Parse(id, (JsonObject)body!);
        }
    }

    public Pipeline? Find(string id)
    {
        lock (_lock)
        {
            return _pipelines.GetValueOrDefault(id);
        }
    }

    public IReadOnlyList<Pipeline> All()
    {
        lock (_lock)
        {
            return _pipelines.Values.OrderBy(p => p.Id, StringComparer.Ordinal).ToList();
        }
    }

    public void Put(Pipeline pipeline)
    {
        lock (_lock)
        {
            _pipelines[pipeline.Id] = pipeline;
            Save();
        }
    }

    public bool Delete(string id)
    {
        lock (_lock)
        {
            var removed = _pipelines.Remove(id);
            Save();
            return removed;
        }
    }

    private void Save()
    {
        if (_path is null)
        {
            return;
        }

        var root = new JsonObject();
        foreach (var (id, pipeline) in _pipelines)
        {
            root[id] = pipeline.Body.DeepClone();
        }

        AtomicJsonFile.Write(_path, root);
    }
}

using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using ObservabilityStack.Emulator.Http;
using ObservabilityStack.Emulator.Storage;

namespace ObservabilityStack.Emulator.Apis;

/// <summary>The state of one bulk request: the pending action line, the touched indices and the item results.</summary>
internal sealed class BulkSession(EmulatorContext context, string? defaultIndex, bool requireAlias, RefreshPolicy refresh,
    Security.BulkItemGuard? guard = null) : IDisposable
{
    private readonly ArrayBufferWriter<byte> _items = new(16 * 1024);
    private readonly HashSet<EsIndex> _touched = [];
    private readonly Dictionary<EsIndex, int> _replicas = [];

    // Targets resolved earlier in this request; resolution takes the metadata lock, items should not.
    private readonly Dictionary<(string Name, WriteKind Kind, bool AutoId, bool RequireAlias, bool IfSeqNo), EsIndex> _targets = [];
    private Utf8JsonWriter? _writer;
    private BulkAction? _pending;
    private int _lineNumber;

    public bool Errors { get; private set; }

    public ReadOnlySpan<byte> Items => _items.WrittenSpan;

    private Utf8JsonWriter Writer
    {
        get
        {
            if (_writer is null)
            {
                _writer = new Utf8JsonWriter(_items, new JsonWriterOptions { SkipValidation = true });
                _writer.WriteStartArray();
            }

            return _writer;
        }
    }

    public void Line(ReadOnlySequence<byte> line)
    {
        _lineNumber++;
        if (!line.IsEmpty && line.Slice(line.Length - 1).FirstSpan[0] == (byte)'\r')
        {
            line = line.Slice(0, line.Length - 1);
        }

        if (_pending is null)
        {
            if (IsBlank(line))
            {
                return;
            }

            var action = BulkLineParser.ParseAction(line, _lineNumber);
            if (action.NeedsSource)
            {
                _pending = action;
            }
            else
            {
                Execute(action, null);
            }

            return;
        }

        var pending = _pending;
        _pending = null;
        Execute(pending, line.ToArray());
    }

    public void Finish()
    {
        // Like Elasticsearch's parser, an action line with no source line after it at the very end is dropped.
        _pending = null;

        var writer = Writer;
        writer.WriteEndArray();
        writer.Flush();
        WriteParameters.Complete(_touched, refresh);
    }

    private void Execute(BulkAction action, byte[]? source)
    {
        var indexName = action.Index ?? defaultIndex;
        var kind = action.Action switch
        {
            "create" => WriteKind.Create,
            "update" => WriteKind.Update,
            "delete" => WriteKind.Delete,
            _ => WriteParameters.OpType(action.OpType, action.Id is not null, WriteKind.Index),
        };
        var id = action.Id;
        var autoId = id is null;

        // Elasticsearch answers under the action's own key, except index with op_type=create, answered as create.
        var actionName = action.Action == "index" && action.OpType == "create" ? "create" : action.Action;
        try
        {
            if (indexName is null)
            {
                throw new EmulatorException(400, "action_request_validation_exception", "Validation Failed: 1: index is missing;");
            }

            if (id is "")
            {
                throw EmulatorException.IllegalArgument("if _id is specified it must not be empty");
            }

            if (id is null && action.Action is "update" or "delete")
            {
                throw new EmulatorException(400, "action_request_validation_exception", "Validation Failed: 1: id is missing;");
            }

            guard?.Check(kind, indexName);
            if (context.Faults.NextItemRejection() is { } injected)
            {
                throw injected;
            }

            id ??= WriteParameters.NewId();
            var key = (indexName, kind, autoId, action.RequireAlias ?? requireAlias, action.IfSeqNo is not null);
            if (!_targets.TryGetValue(key, out var target))
            {
                target = context.Cluster.ResolveWriteTarget(indexName, kind, key.Item4, key.Item5, autoId);
                _targets[key] = target;
            }

            var options = new WriteOptions(kind == WriteKind.Create || autoId, action.IfSeqNo, action.IfPrimaryTerm);
            var result = kind switch
            {
                WriteKind.Delete => target.Delete(id, options),
                WriteKind.Update => Update(target, id, source!, options),
                _ => target.Index(id, source!, options),
            };
            if (_touched.Add(target))
            {
                _replicas[target] = target.Replicas;
            }

            WriteItem(actionName, result, _replicas[target]);
        }
        catch (EmulatorException e)
        {
            Errors = true;
            BulkApi.WriteItemError(Writer, actionName, indexName, id, e);
        }
    }

    private static WriteResult Update(EsIndex target, string id, byte[] source, WriteOptions options)
    {
        var body = RequestJson(source);
        if (body["script"] is not null)
        {
            throw EmulatorException.IllegalArgument("scripted updates are not supported by the emulator");
        }

        return target.Update(id, body["doc"] as JsonObject, body["upsert"] as JsonObject,
            body["doc_as_upsert"]?.GetValue<bool>() == true, options with { CreateOnly = false });
    }

    private static JsonObject RequestJson(byte[] source) =>
        EsRequest.ParseJson(source) as JsonObject ?? throw EmulatorException.Parsing("update request must be an object");

    private void WriteItem(string action, WriteResult result, int replicas)
    {
        var w = Writer;
        w.WriteStartObject();
        w.WriteStartObject(action);
        WriteParameters.WriteResultFields(w, result, replicas, refresh);
        w.WriteNumber("status", result.Status);
        w.WriteEndObject();
        w.WriteEndObject();
        if (result.Status >= 400 && result.Result != "not_found")
        {
            Errors = true;
        }
    }

    public void Dispose() => _writer?.Dispose();

    private static bool IsBlank(ReadOnlySequence<byte> line)
    {
        foreach (var segment in line)
        {
            if (!segment.Span.Trim(" \t\r"u8).IsEmpty)
            {
                return false;
            }
        }

        return true;
    }
}

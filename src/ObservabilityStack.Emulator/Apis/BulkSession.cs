using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using ObservabilityStack.Emulator.Http;
using ObservabilityStack.Emulator.Storage;

namespace ObservabilityStack.Emulator.Apis;

/// <summary>The state of one bulk request: the pending action line, the touched indices and the item results.</summary>
internal sealed class BulkSession(EmulatorContext context, string? defaultIndex, bool requireAlias, RefreshPolicy refresh,
    Security.BulkItemGuard? guard = null, string? pipeline = null) : IDisposable
{
    private const int HoldItems = 64;
    private static readonly JsonEncodedText StatusName = JsonEncodedText.Encode("status");
    private readonly BulkResponseBuffer _items = new();
    private readonly IndexNameCache _indexNames = new();
    private readonly HashSet<EsIndex> _touched = [];
    private readonly Dictionary<EsIndex, int> _replicas = [];

    // Targets resolved earlier in this request; resolution takes the metadata lock, items should not.
    private readonly Dictionary<(string Name, WriteKind Kind, bool AutoId, bool RequireAlias, bool IfSeqNo), EsIndex> _targets = [];
    private Utf8JsonWriter? _writer;
    private BulkAction? _pending;
    private int _lineNumber;

    // A source line split over pipe segments is copied here: the index copies it again into its arena.
    private byte[] _scratch = [];

    // The index whose write lock this session holds across consecutive items (see Hold).
    private EsIndex? _held;
    private int _heldItems;

    public bool Errors { get; private set; }

    /// <summary>The answer body: <c>{"errors","took","items"}</c>, valid until the session is disposed.</summary>
    public ReadOnlyMemory<byte> Answer(long took) => _items.Complete(Errors, took);

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

            var action = BulkLineParser.ParseAction(line, _lineNumber, _indexNames);
            if (action.NeedsSource)
            {
                _pending = action;
            }
            else
            {
                Execute(action, default);
            }

            return;
        }

        var pending = _pending;
        _pending = null;
        Execute(pending, Contiguous(line));
    }

    /// <summary>
    /// Lets go of the index lock held across items. The caller does this before awaiting more of the body (a lock
    /// belongs to its thread) and at the end of the request.
    /// </summary>
    public void Release()
    {
        if (_held is not null)
        {
            _held.ExitWriteLock();
            _held = null;
        }
    }

    /// <summary>
    /// Keeps the target's write lock from one item to the next instead of taking it per document: two bulk
    /// requests into the same index otherwise fight for it a million times (spinning on a 2-core machine), and
    /// Elasticsearch applies a shard's items as one batch too. Only one index lock is held at a time, never
    /// while taking the metadata lock, and it is given up every <see cref="HoldItems"/> items so refreshes, GETs
    /// and the other writers (blocked, not spinning, meanwhile) get their turn.
    /// </summary>
    private void Hold(EsIndex target)
    {
        if (_held == target && ++_heldItems < HoldItems)
        {
            return;
        }

        Release();
        target.EnterWriteLock();
        _held = target;
        _heldItems = 0;
    }

    private ReadOnlySpan<byte> Contiguous(ReadOnlySequence<byte> line)
    {
        if (line.IsSingleSegment)
        {
            return line.FirstSpan;
        }

        if (_scratch.Length < line.Length)
        {
            _scratch = new byte[Math.Max(line.Length, _scratch.Length * 2)];
        }

        line.CopyTo(_scratch);
        return _scratch.AsSpan(0, (int)line.Length);
    }

    public void Finish()
    {
        // Like Elasticsearch's parser, an action line with no source line after it at the very end is dropped.
        _pending = null;
        Release();

        var writer = Writer;
        writer.WriteEndArray();
        writer.Flush();
        WriteParameters.Complete(_touched, refresh);
    }

    private void Execute(BulkAction action, ReadOnlySpan<byte> source)
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

            var key = (indexName, kind, autoId, action.RequireAlias ?? requireAlias, action.IfSeqNo is not null);
            if (!_targets.ContainsKey(key))
            {
                // Authorizing a new target and resolving it take the metadata lock, and the metadata snapshot takes
                // index locks under it: holding an index lock here would invert that order (a deadlock).
                Release();
            }

            guard?.Check(kind, indexName);
            if (context.Faults.NextItemRejection() is { } injected)
            {
                throw injected;
            }

            id ??= WriteParameters.NewId();
            if (!_targets.TryGetValue(key, out var target))
            {
                target = context.Cluster.ResolveWriteTarget(indexName, kind, key.Item4, key.Item5, autoId);
                _targets[key] = target;
            }

            var original = source;
            var options = new WriteOptions(kind == WriteKind.Create || autoId, action.IfSeqNo, action.IfPrimaryTerm);
            WriteResult result;
            try
            {
                if (kind is WriteKind.Index or WriteKind.Create)
                {
                    source = context.Ingest.Process(target, action.Pipeline ?? pipeline, id, source);
                }

                Hold(target);
                result = kind switch
                {
                    WriteKind.Delete => target.Delete(id, options),
                    WriteKind.Update => Update(target, id, source, options),
                    _ => target.Index(id, source, options),
                };
            }
            catch (EmulatorException e) when (kind is WriteKind.Index or WriteKind.Create && FailureStoreWriter.Accepts(context.Cluster, target, e))
            {
                RedirectToFailureStore(actionName, target, indexName, id, original.ToArray(), e);
                return;
            }

            Touch(target);
            WriteItem(actionName, result, _replicas[target]);
        }
        catch (EmulatorException e)
        {
            Errors = true;
            BulkApi.WriteItemError(Writer, actionName, indexName, id, e);
        }
    }

    private void Touch(EsIndex target)
    {
        if (_touched.Add(target))
        {
            _replicas[target] = target.Replicas;
        }
    }

    /// <summary>
    /// A document the stream rejected, kept in its failure store (as Elasticsearch 9 does when the stream's template
    /// enables it): the item succeeds with <c>"failure_store":"used"</c> and the bulk has no error for it.
    /// </summary>
    private void RedirectToFailureStore(string actionName, EsIndex target, string requested, string id, byte[] original, EmulatorException error)
    {
        // The failure index may have to be created under the metadata lock, which must not be taken under an index lock.
        Release();
        var (failures, stored) = FailureStoreWriter.Write(context.Cluster, target, requested, id, original, error);
        Touch(failures);
        WriteItem(actionName, stored, _replicas[failures], failureStoreUsed: true);
    }

    private static WriteResult Update(EsIndex target, string id, ReadOnlySpan<byte> source, WriteOptions options)
    {
        var body = RequestJson(source);
        if (body["script"] is not null)
        {
            throw EmulatorException.IllegalArgument("scripted updates are not supported by the emulator");
        }

        return target.Update(id, body["doc"] as JsonObject, body["upsert"] as JsonObject,
            body["doc_as_upsert"]?.GetValue<bool>() == true, options with { CreateOnly = false });
    }

    private static JsonObject RequestJson(ReadOnlySpan<byte> source) =>
        EsRequest.ParseJson(source) as JsonObject ?? throw EmulatorException.Parsing("update request must be an object");

    private void WriteItem(string action, WriteResult result, int replicas, bool failureStoreUsed = false)
    {
        var w = Writer;
        w.WriteStartObject();
        w.WriteStartObject(action);
        WriteParameters.WriteResultFields(w, result, replicas, refresh);
        w.WriteNumber(StatusName, result.Status);
        if (failureStoreUsed)
        {
            w.WriteString("failure_store", "used");
        }

        w.WriteEndObject();
        w.WriteEndObject();
        if (result.Status >= 400 && result.Result != "not_found")
        {
            Errors = true;
        }
    }

    public void Dispose()
    {
        Release();
        _writer?.Dispose();
        _items.Dispose();
    }

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

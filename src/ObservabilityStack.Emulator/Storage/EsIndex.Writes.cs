using System.Text.Json.Nodes;
using ObservabilityStack.Emulator.Mapping;

namespace ObservabilityStack.Emulator.Storage;

internal sealed partial class EsIndex
{
    /// <summary>Indexes (or creates) a document; throws version conflicts and mapping errors as Elasticsearch does.</summary>
    public WriteResult Index(string id, ReadOnlySpan<byte> source, WriteOptions options)
    {
        if (System.Text.Encoding.UTF8.GetByteCount(id) > 512)
        {
            throw new EmulatorException(400, "action_request_validation_exception",
                $"Validation Failed: 1: id [{id}] is too long, must be no longer than 512 bytes but was: {System.Text.Encoding.UTF8.GetByteCount(id)};");
        }

        lock (_sync)
        {
            _docs.TryGetValue(id, out var existing);
            CheckConditions(id, existing, options);
            var timestamp = DocumentParser.Parse(Mappings, source, id, out var timestampValues);
            if (DataStream is not null && timestampValues != 1)
            {
                var problem = timestampValues == 0 ? "is missing" : "encountered multiple values";
                throw new EmulatorException(400, "document_parsing_exception", $"[1:1] failed to parse: data stream timestamp field [@timestamp] {problem}")
                {
                    CausedBy = EmulatorException.IllegalArgument($"data stream timestamp field [@timestamp] {problem}"),
                };
            }

            var doc = new StoredDocument
            {
                Id = id,
                Source = _arena.Add(source),
                SeqNo = ++_seqNo,
                Version = (existing?.Version ?? 0) + 1,
                Timestamp = timestamp,
            };
            Store(existing, doc);
            Log?.AppendIndex(doc);
            return Result(doc, existing is null ? "created" : "updated");
        }
    }

    /// <summary>Deletes a document; <c>not_found</c> when absent (a result, not an error).</summary>
    public WriteResult Delete(string id, WriteOptions options)
    {
        lock (_sync)
        {
            _docs.TryGetValue(id, out var existing);
            CheckConditions(id, existing, options with { CreateOnly = false });
            var seqNo = ++_seqNo;
            if (existing is null)
            {
                return new WriteResult(Name, id, "not_found", 1, seqNo, PrimaryTerm);
            }

            Remove(existing);
            Log?.AppendDelete(id, seqNo, existing.Version + 1);
            return new WriteResult(Name, id, "deleted", existing.Version + 1, seqNo, PrimaryTerm);
        }
    }

    /// <summary>A partial update (<c>doc</c>, optional <c>doc_as_upsert</c>/<c>upsert</c>); <c>noop</c> when nothing changes.</summary>
    public WriteResult Update(string id, JsonObject? partial, JsonObject? upsert, bool docAsUpsert, WriteOptions options)
    {
        lock (_sync)
        {
            _docs.TryGetValue(id, out var existing);
            if (existing is null)
            {
                var initial = docAsUpsert ? partial : upsert;
                if (initial is null)
                {
                    throw new EmulatorException(404, "document_missing_exception", $"[{id}]: document missing")
                    {
                        Index = Name,
                        Metadata = [new("index_uuid", Uuid), new("shard", "0")],
                    };
                }

                return Index(id, System.Text.Encoding.UTF8.GetBytes(initial.ToJsonString()), options with { CreateOnly = true });
            }

            CheckConditions(id, existing, options);
            var merged = (JsonNode.Parse(existing.Source.Span) as JsonObject) ?? [];
            var changed = MergeInto(merged, partial ?? []);
            if (!changed)
            {
                return new WriteResult(Name, id, "noop", existing.Version, existing.SeqNo, PrimaryTerm);
            }

            var result = Index(id, System.Text.Encoding.UTF8.GetBytes(merged.ToJsonString()), default);
            return result with { Result = "updated" };
        }
    }

    /// <summary>Re-applies a logged write at start-up (no conditions, no logging).</summary>
    public void Replay(string id, ReadOnlySpan<byte> source, bool deleted, long seqNo, long version)
    {
        lock (_sync)
        {
            _docs.TryGetValue(id, out var existing);
            _seqNo = Math.Max(_seqNo, seqNo);
            if (deleted)
            {
                if (existing is not null)
                {
                    Remove(existing);
                }

                return;
            }

            var timestamp = DocumentParser.Parse(Mappings, source, id, out _);
            Store(existing, new StoredDocument { Id = id, Source = _arena.Add(source), SeqNo = seqNo, Version = version, Timestamp = timestamp });
        }
    }

    private void Store(StoredDocument? existing, StoredDocument doc)
    {
        if (existing is not null)
        {
            _pendingRemoved.Add(existing);
            _arena.Release(existing.Source.Length);
        }

        _docs[doc.Id] = doc;
        _pendingAdded.Add(doc);
    }

    private void Remove(StoredDocument existing)
    {
        _docs.Remove(existing.Id);
        _pendingRemoved.Add(existing);
        _arena.Release(existing.Source.Length);
    }

    private WriteResult Result(StoredDocument doc, string result) => new(Name, doc.Id, result, doc.Version, doc.SeqNo, PrimaryTerm);

    private void CheckConditions(string id, StoredDocument? existing, WriteOptions options)
    {
        if (options.CreateOnly && existing is not null)
        {
            throw Conflict($"[{id}]: version conflict, document already exists (current version [{existing.Version}])");
        }

        if (options.IfSeqNo is { } seqNo)
        {
            var term = options.IfPrimaryTerm ?? 0;
            if (existing is null)
            {
                throw Conflict($"[{id}]: version conflict, required seqNo [{seqNo}], primary term [{term}]. but no document was found");
            }

            if (existing.SeqNo != seqNo || existing.PrimaryTerm != term)
            {
                throw Conflict($"[{id}]: version conflict, required seqNo [{seqNo}], primary term [{term}]. current document has seqNo [{existing.SeqNo}] and primary term [{existing.PrimaryTerm}]");
            }
        }
    }

    private EmulatorException Conflict(string reason) => new(409, "version_conflict_engine_exception", reason)
    {
        Index = Name,
        Metadata = [new("index_uuid", Uuid), new("shard", "0")],
    };

    /// <summary>Deep-merges a partial document like Elasticsearch's update; returns whether anything changed.</summary>
    private static bool MergeInto(JsonObject target, JsonObject partial)
    {
        var changed = false;
        foreach (var (key, value) in partial)
        {
            if (value is JsonObject sub && target[key] is JsonObject existing)
            {
                changed |= MergeInto(existing, sub);
                continue;
            }

            if (!JsonNode.DeepEquals(target[key], value) || !target.ContainsKey(key))
            {
                target[key] = value?.DeepClone();
                changed = true;
            }
        }

        return changed;
    }
}

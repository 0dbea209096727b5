using System.Text.Json.Nodes;

namespace ObservabilityStack.Emulator.Storage;

internal sealed partial class Cluster
{
    /// <summary>
    /// The concrete index a document write goes to: a data stream's write index (create only), an alias's
    /// write index, an existing index, or a new index or data stream auto-created from the templates.
    /// </summary>
    public EsIndex ResolveWriteTarget(string name, WriteKind kind, bool requireAlias = false, bool hasIfSeqNo = false, bool autoId = false)
    {
        // An index request with a generated id can only create, so data streams accept it like a create.
        var creates = kind == WriteKind.Create || (kind == WriteKind.Index && autoId);
        if (_dataStreams.TryGetValue(name, out var stream))
        {
            if (!creates)
            {
                throw EmulatorException.IllegalArgument("only write ops with an op_type of create are allowed in data streams");
            }

            return WriteIndexOf(stream);
        }

        if (_indices.TryGetValue(name, out var index))
        {
            if (requireAlias)
            {
                throw RequireAlias(name);
            }

            if (index.DataStream is { } ds)
            {
                if (kind == WriteKind.Create)
                {
                    throw EmulatorException.IllegalArgument(
                        $"index request with op_type=create targeting backing indices is disallowed, target corresponding data stream [{ds}] instead");
                }

                if (kind == WriteKind.Index && !hasIfSeqNo)
                {
                    throw EmulatorException.IllegalArgument(
                        $"index request with op_type=index and no if_primary_term and if_seq_no set targeting backing indices is disallowed, target corresponding data stream [{ds}] instead");
                }
            }

            return index;
        }

        var aliased = _indices.Values.Where(i => i.Aliases.ContainsKey(name)).ToList();
        if (aliased.Count > 0)
        {
            var write = aliased.Where(i => i.Aliases[name]["is_write_index"]?.GetValue<bool>() == true).ToList();
            if (write.Count == 1)
            {
                return write[0];
            }

            if (aliased.Count == 1 && aliased[0].Aliases[name]["is_write_index"]?.GetValue<bool>() != false)
            {
                return aliased[0];
            }

            throw EmulatorException.IllegalArgument(
                $"no write index is defined for alias [{name}]. The write index may be explicitly disabled using is_write_index=false or the alias points to multiple indices without one being designated as a write index");
        }

        if (requireAlias)
        {
            throw RequireAlias(name);
        }

        return AutoCreate(name, creates ? WriteKind.Create : kind);
    }

    private static EmulatorException RequireAlias(string name) =>
        new(404, "index_not_found_exception", $"no such index [{name}] and [require_alias] request flag is [true] and [{name}] is not an alias")
        {
            Index = name,
            Metadata = [new("resource.type", "index_or_alias"), new("resource.id", name), new("index_uuid", "_na_")],
        };

    private EsIndex AutoCreate(string name, WriteKind kind)
    {
        IndexNames.Validate(name);
        var template = Templates.Resolve(name);
        if (template.CreatesDataStream)
        {
            if (kind != WriteKind.Create)
            {
                throw EmulatorException.IllegalArgument("only write ops with an op_type of create are allowed in data streams");
            }

            return WriteIndexOf(CreateDataStream(name, ifMissing: true));
        }

        lock (MetadataLock)
        {
            if (_indices.TryGetValue(name, out var raced))
            {
                return raced;
            }

            return CreateIndex(name, null);
        }
    }

    private EsIndex WriteIndexOf(DataStream stream)
    {
        lock (MetadataLock)
        {
            return _indices[stream.WriteIndex];
        }
    }

    /// <summary>Creates a data stream with its first backing index; needs a matching data_stream template.</summary>
    public DataStream CreateDataStream(string name, bool ifMissing = false)
    {
        lock (MetadataLock)
        {
            if (_dataStreams.TryGetValue(name, out var existing))
            {
                return ifMissing ? existing : throw new EmulatorException(400, "resource_already_exists_exception", $"data_stream [{name}] already exists");
            }

            ValidateDataStreamName(name);
            var template = Templates.Resolve(name);
            if (!template.CreatesDataStream)
            {
                throw EmulatorException.IllegalArgument($"no matching index template found for data stream [{name}]");
            }

            if (_indices.ContainsKey(name))
            {
                throw new EmulatorException(400, "resource_already_exists_exception", $"index [{name}] already exists");
            }

            var stream = new DataStream
            {
                Name = name,
                Template = template.Source!.Name,
                Hidden = template.Source.DataStream?["hidden"]?.GetValue<bool>() == true,
                Meta = template.Source.Body["_meta"]?.DeepClone() as JsonObject,
                Lifecycle = template.Source.Template?["lifecycle"]?.DeepClone() as JsonObject,
                FailureStoreEnabled = FailureStoreRequested(template),
            };
            _dataStreams[name] = stream;
            AddBackingIndex(stream);
            return stream;
        }
    }

    /// <summary>Adds the next generation's backing index (creation and rollover). Caller holds the metadata lock.</summary>
    private EsIndex AddBackingIndex(DataStream stream)
    {
        stream.Generation++;
        var name = DataStream.BackingIndexName(stream.Name, stream.Generation, Clock.GetUtcNow());
        var index = CreateIndex(name, null, stream.Name);
        stream.Indices.Add(name);
        MetadataChanged?.Invoke();
        return index;
    }

    private static void ValidateDataStreamName(string name)
    {
        foreach (var c in new[] { '#', ':', '\\', '/', '*', '?', '"', '<', '>', '|', ' ', ',' })
        {
            if (name.Contains(c, StringComparison.Ordinal))
            {
                throw EmulatorException.IllegalArgument($"data_stream [{name}] must not contain '{c}'");
            }
        }

        if (name.Any(char.IsUpper))
        {
            throw EmulatorException.IllegalArgument($"data_stream [{name}] must be lowercase");
        }

        if (name.StartsWith('_') || name.StartsWith('-') || name.StartsWith('+'))
        {
            throw EmulatorException.IllegalArgument($"data_stream [{name}] must not start with '_', '-', or '+'");
        }

        if (name.StartsWith(".ds-", StringComparison.Ordinal))
        {
            throw EmulatorException.IllegalArgument($"data_stream [{name}] must not start with '.ds-'");
        }
    }

    public void DeleteDataStreams(IReadOnlyList<DataStream> streams)
    {
        lock (MetadataLock)
        {
            foreach (var stream in streams)
            {
                _dataStreams.TryRemove(stream.Name, out _);
                foreach (var indexName in stream.Indices.Concat(stream.FailureIndices).ToList())
                {
                    if (_indices.TryGetValue(indexName, out var index))
                    {
                        RemoveIndex(index);
                    }
                }
            }
        }

        MetadataChanged?.Invoke();
    }
}

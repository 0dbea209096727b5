using System.Text.Json.Nodes;
using ObservabilityStack.Emulator.Mapping;

namespace ObservabilityStack.Emulator.Storage;

/// <summary>
/// One concrete index: settings, mapping, aliases and documents. Writes take the index's own lock
/// (one writer per index, many indices in parallel); search reads the refreshed <see cref="DocumentTable"/>
/// without locking. GET by id is realtime, as in Elasticsearch.
/// </summary>
internal sealed partial class EsIndex
{
    private readonly Lock _sync = new();
    private readonly Dictionary<string, StoredDocument> _docs = new(StringComparer.Ordinal);
    private readonly List<StoredDocument> _pendingAdded = [];
    private readonly HashSet<StoredDocument> _pendingRemoved = [];
    private SourceArena _arena = new();
    private volatile DocumentTable _table = DocumentTable.Empty;
    private long _seqNo = -1;

    public EsIndex(string name, long creationMillis, string? uuid = null)
    {
        Name = name;
        CreationMillis = creationMillis;
        Uuid = uuid ?? Guid.NewGuid().ToString("N")[..22];
        Settings.Apply(new Dictionary<string, string?>
        {
            ["index.number_of_shards"] = "1",
            ["index.number_of_replicas"] = "1",
            ["index.uuid"] = Uuid,
            ["index.provided_name"] = name,
            ["index.creation_date"] = creationMillis.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["index.version.created"] = "9009000",
            ["index.routing.allocation.include._tier_preference"] = "data_content",
        });
    }

    public string Name { get; }

    public string Uuid { get; }

    public long CreationMillis { get; }

    public IndexSettings Settings { get; } = new();

    public IndexMappings Mappings { get; } = new();

    /// <summary>Alias name → alias definition (filter, routing, is_write_index...). Guarded by the cluster's metadata lock.</summary>
    public Dictionary<string, JsonObject> Aliases { get; } = new(StringComparer.Ordinal);

    /// <summary>The data stream this is a backing index of, or null.</summary>
    public string? DataStream { get; set; }

    public bool Hidden => Settings["index.hidden"] == "true" || DataStream is not null;

    public IDocumentLog? Log { get; set; }

    /// <summary>Set by <c>_close</c>; closed indices do not count towards cluster health.</summary>
    public bool Closed { get; set; }

    /// <summary>Shard request cache hits and misses, reported by <c>_stats</c>.</summary>
    public long RequestCacheHits;

    /// <summary>See <see cref="RequestCacheHits"/>.</summary>
    public long RequestCacheMisses;

    /// <summary>Lifecycle bookkeeping for ILM explain (rolled over, phase entry times).</summary>
    public IlmIndexState Lifecycle { get; } = new();

    public DocumentTable Table => _table;

    /// <summary>Source bytes held for live documents, and those replaced or deleted since the last compaction.</summary>
    public (long Live, long Dead) SourceBytes
    {
        get
        {
            lock (_sync)
            {
                return (_arena.LiveBytes, _arena.DeadBytes);
            }
        }
    }

    /// <summary>Documents written, visible or not (for rollover's max_docs we use refreshed counts like ES).</summary>
    public int LiveCount
    {
        get
        {
            lock (_sync)
            {
                return _docs.Count;
            }
        }
    }

    /// <summary>Always 1: the emulator has one primary that never fails over.</summary>
    public const long PrimaryTerm = 1;

    public int Replicas => int.TryParse(Settings["index.number_of_replicas"], out var r) ? r : 1;

    public bool HasPendingChanges
    {
        get
        {
            lock (_sync)
            {
                return _pendingAdded.Count > 0 || _pendingRemoved.Count > 0;
            }
        }
    }

    public StoredDocument? Get(string id)
    {
        lock (_sync)
        {
            return _docs.GetValueOrDefault(id);
        }
    }

    /// <summary>Makes every acknowledged change visible to search.</summary>
    public void Refresh()
    {
        lock (_sync)
        {
            if (_pendingAdded.Count == 0 && _pendingRemoved.Count == 0)
            {
                return;
            }

            _table = _table.Apply(_pendingAdded, _pendingRemoved);
            _pendingAdded.Clear();
            _pendingRemoved.Clear();
            if (_arena.NeedsCompaction)
            {
                Compact();
            }
        }
    }

    /// <summary>
    /// Copies the live sources into a fresh arena so replaced and deleted ones stop holding memory. Documents are
    /// immutable, so this builds new ones; searches running on the old table keep the old (still valid) bytes.
    /// Runs under the lock right after a refresh, when every live document is in the table.
    /// </summary>
    private void Compact()
    {
        var arena = new SourceArena();
        var copies = new List<StoredDocument>(_docs.Count);
        foreach (var doc in _docs.Values)
        {
            copies.Add(new StoredDocument
            {
                Id = doc.Id,
                Source = arena.Add(doc.Source.Span),
                SeqNo = doc.SeqNo,
                Version = doc.Version,
                PrimaryTerm = doc.PrimaryTerm,
                Timestamp = doc.Timestamp,
            });
        }

        foreach (var copy in copies)
        {
            _docs[copy.Id] = copy;
        }

        _arena = arena;
        _table = DocumentTable.Empty.Apply(copies, []);
    }

    /// <summary>Runs <paramref name="action"/> under the write lock (mapping changes, reading the mapping consistently).</summary>
    public T WithLock<T>(Func<T> action)
    {
        lock (_sync)
        {
            return action();
        }
    }

    public void FlushLog() => Log?.Flush();

    /// <summary>Takes the write lock for a run of writes (a bulk request's items); it is reentrant.</summary>
    public void EnterWriteLock() => _sync.Enter();

    /// <summary>Gives back a lock taken with <see cref="EnterWriteLock"/>.</summary>
    public void ExitWriteLock() => _sync.Exit();
}

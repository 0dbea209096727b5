namespace ObservabilityStack.Emulator.Search.Hits;

/// <summary>A matching document with its score, sort keys and position (for stable ordering).</summary>
internal sealed record Hit(SearchDocument Doc, ISearchShard Shard, int ShardIndex, int DocIndex, double Score, SortKey[] Keys);

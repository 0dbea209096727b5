using System.Text.Json;
using ObservabilityStack.Emulator.Search.Aggregations;
using ObservabilityStack.Emulator.Search.Fields;
using ObservabilityStack.Emulator.Search.Hits;
using ObservabilityStack.Emulator.Search.Queries;

namespace ObservabilityStack.Emulator.Search;

/// <summary>A parsed, compiled search request (body merged with URL parameters).</summary>
internal sealed class SearchRequest
{
    /// <summary>The main query.</summary>
    public Query Query { get; set; } = MatchAllQuery.All;

    /// <summary>Filters hits (not aggregations).</summary>
    public Query? PostFilter { get; set; }

    /// <summary>Offset of the first hit.</summary>
    public int From { get; set; }

    /// <summary>Number of hits returned (default 10).</summary>
    public int Size { get; set; } = 10;

    /// <summary>Sort criteria; empty means by score.</summary>
    public SortSpec[] Sort { get; set; } = [];

    /// <summary>_source filtering.</summary>
    public SourceFilter Source { get; set; } = SourceFilter.All;

    /// <summary>The search_after values.</summary>
    public JsonElement[]? SearchAfter { get; set; }

    /// <summary>False when hits.total is not tracked.</summary>
    public bool TrackTotalHits { get; set; } = true;

    /// <summary>Count accurately up to this many hits, then report gte.</summary>
    public int TrackTotalHitsUpTo { get; set; } = 10_000;

    /// <summary>Render hits.total as a number.</summary>
    public bool RestTotalHitsAsInt { get; set; }

    /// <summary>Prefix aggregation names with their type.</summary>
    public bool TypedKeys { get; set; }

    /// <summary>Aggregation prototypes (null when none requested).</summary>
    public Aggregator[]? Aggregations { get; set; }

    /// <summary>docvalue_fields / fields.</summary>
    public List<DocValueField> Fields { get; } = [];

    /// <summary>Include _version in hits.</summary>
    public bool Version { get; set; }

    /// <summary>Include _seq_no and _primary_term in hits.</summary>
    public bool SeqNoPrimaryTerm { get; set; }

    /// <summary>Compute scores even when sorting by field.</summary>
    public bool TrackScores { get; set; }

    /// <summary>Minimum score for a document to count.</summary>
    public double? MinScore { get; set; }

    /// <summary>Stop after this many matches per shard.</summary>
    public int? TerminateAfter { get; set; }

    /// <summary>Every field the compiled request reads (to build their columns in one pass).</summary>
    public List<FieldRef> ReadFields { get; } = [];

    /// <summary>True when the sort uses the score (so _score is reported).</summary>
    public bool ScoresHits => Sort.Length == 0 || TrackScores || Sort.Any(s => s.IsScore);
}

namespace ObservabilityStack.Emulator.Search.Hits;

/// <summary>How hits are rendered: source filtering, sort values, extra metadata and doc-value fields.</summary>
internal sealed record HitOptions(SourceFilter Source, SortSpec[] Sort, bool WriteScore, bool Version, bool SeqNoPrimaryTerm,
    DocValueField[] Fields)
{
    /// <summary>Defaults: whole source, sorted by score.</summary>
    public static HitOptions Default { get; } = new(SourceFilter.All, [], true, false, false, []);
}

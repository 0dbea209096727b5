using ObservabilityStack.Emulator.Search.Blocks;

namespace ObservabilityStack.Emulator.Search.Queries;

/// <summary><c>constant_score</c>: the filter's matches, all scored <c>boost</c>.</summary>
internal sealed class ConstantScoreQuery(Query filter, double boost) : Query
{
    /// <inheritdoc/>
    public override bool Matches(DocContext doc, out double score)
    {
        score = boost;
        return filter.Matches(doc, out _);
    }

    /// <inheritdoc/>
    public override double? ConstantScore => boost;

    /// <inheritdoc/>
    public override bool FilterBlock(in RunBlock block, ulong[] candidates) => filter.FilterBlock(block, candidates);

    /// <inheritdoc/>
    public override void NarrowTimestamp(ref long? from, ref long? to) => filter.NarrowTimestamp(ref from, ref to);
}

using ObservabilityStack.Emulator.Search.Blocks;

namespace ObservabilityStack.Emulator.Search.Queries;

/// <summary><c>match_all</c> (score = boost) and <c>match_none</c>.</summary>
internal sealed class MatchAllQuery(bool matches, double boost = 1.0) : Query
{
    /// <summary>A shared match_all with score 1.</summary>
    public static MatchAllQuery All { get; } = new(true);

    /// <inheritdoc/>
    public override bool Matches(DocContext doc, out double score)
    {
        score = matches ? boost : 0;
        return matches;
    }

    /// <inheritdoc/>
    public override double? ConstantScore => matches ? boost : 0;

    /// <inheritdoc/>
    public override bool FilterBlock(in RunBlock block, ulong[] candidates)
    {
        if (!matches)
        {
            Array.Clear(candidates);
        }

        return true;
    }
}

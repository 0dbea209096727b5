namespace ObservabilityStack.Emulator.Search.Queries;

/// <summary><c>dis_max</c> (also used for multi-field expansion): best clause score plus tie_breaker times the others.</summary>
internal sealed class DisMaxQuery(Query[] queries, double tieBreaker, double boost = 1.0) : Query
{
    /// <inheritdoc/>
    public override bool Matches(DocContext doc, out double score)
    {
        double max = 0, sum = 0;
        var any = false;
        for (var i = 0; i < queries.Length; i++)
        {
            if (queries[i].Matches(doc, out var s))
            {
                any = true;
                max = Math.Max(max, s);
                sum += s;
            }
        }

        score = any ? (max + (tieBreaker * (sum - max))) * boost : 0;
        return any;
    }
}

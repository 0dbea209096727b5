using ObservabilityStack.Emulator.Search.Blocks;

namespace ObservabilityStack.Emulator.Search.Queries;

/// <summary><c>bool</c>: must/filter/should/must_not with minimum_should_match; scores add up like Lucene's.</summary>
internal sealed class BoolQuery(Query[] must, Query[] filter, Query[] should, Query[] mustNot, int minimumShouldMatch,
    double boost = 1.0) : Query
{
    /// <inheritdoc/>
    public override bool Matches(DocContext doc, out double score)
    {
        score = 0;
        for (var i = 0; i < filter.Length; i++)
        {
            if (!filter[i].Matches(doc, out _))
            {
                return false;
            }
        }

        for (var i = 0; i < mustNot.Length; i++)
        {
            if (mustNot[i].Matches(doc, out _))
            {
                return false;
            }
        }

        for (var i = 0; i < must.Length; i++)
        {
            if (!must[i].Matches(doc, out var s))
            {
                return false;
            }

            score += s;
        }

        var matched = 0;
        for (var i = 0; i < should.Length; i++)
        {
            if (should[i].Matches(doc, out var s))
            {
                matched++;
                score += s;
            }
        }

        if (matched < minimumShouldMatch)
        {
            return false;
        }

        if (must.Length == 0 && should.Length == 0 && filter.Length == 0)
        {
            score = 1.0; // only must_not: Elasticsearch adds a match_all
        }

        score *= boost;
        return true;
    }

    private ulong[]? _clause;
    private ulong[]? _anyShould;

    /// <inheritdoc/>
    public override double? ConstantScore => must.Length == 0 && should.Length == 0 ? (filter.Length == 0 ? 1.0 : 0) * boost : null;

    /// <inheritdoc/>
    public override bool FilterBlock(in RunBlock block, ulong[] candidates)
    {
        var exact = true;
        foreach (var clause in filter.Concat(must))
        {
            exact &= clause.FilterBlock(block, candidates);
            if (!BlockBits.Any(candidates))
            {
                return true;
            }
        }

        _clause ??= new ulong[candidates.Length];
        foreach (var clause in mustNot)
        {
            // A must_not clause can only remove what it matches exactly; otherwise its documents are checked one by one.
            Array.Copy(candidates, _clause, candidates.Length);
            if (clause.FilterBlock(block, _clause))
            {
                BlockBits.AndNot(candidates, _clause);
            }
            else
            {
                exact = false;
            }
        }

        if (should.Length == 0 || minimumShouldMatch == 0)
        {
            return exact;
        }

        if (minimumShouldMatch > 1)
        {
            return false;
        }

        // minimum_should_match 1: keep the union of the should clauses' matches.
        _anyShould ??= new ulong[candidates.Length];
        Array.Clear(_anyShould);
        foreach (var clause in should)
        {
            Array.Copy(candidates, _clause, candidates.Length);
            if (!clause.FilterBlock(block, _clause))
            {
                return false;
            }

            for (var w = 0; w < _clause.Length; w++)
            {
                _anyShould[w] |= _clause[w];
            }
        }

        for (var w = 0; w < candidates.Length; w++)
        {
            candidates[w] &= _anyShould[w];
        }

        return exact;
    }

    /// <inheritdoc/>
    public override void NarrowTimestamp(ref long? from, ref long? to)
    {
        foreach (var query in must)
        {
            query.NarrowTimestamp(ref from, ref to);
        }

        foreach (var query in filter)
        {
            query.NarrowTimestamp(ref from, ref to);
        }
    }

    /// <summary>Resolves minimum_should_match (<c>2</c>, <c>-1</c>, <c>75%</c>, <c>-25%</c>) against the number of optional clauses.</summary>
    public static int ResolveMinimumShouldMatch(string? spec, int optionalClauses, int whenAbsent)
    {
        if (string.IsNullOrWhiteSpace(spec))
        {
            return whenAbsent;
        }

        spec = spec.Trim();
        int result;
        if (spec.EndsWith('%'))
        {
            if (!int.TryParse(spec[..^1], System.Globalization.CultureInfo.InvariantCulture, out var percent))
            {
                throw EmulatorException.IllegalArgument($"Unable to parse minimum_should_match [{spec}]");
            }

            var computed = optionalClauses * Math.Abs(percent) / 100;
            result = percent < 0 ? optionalClauses - computed : computed;
        }
        else if (int.TryParse(spec, System.Globalization.CultureInfo.InvariantCulture, out var count))
        {
            result = count < 0 ? optionalClauses + count : count;
        }
        else
        {
            throw EmulatorException.IllegalArgument($"Unable to parse minimum_should_match [{spec}]");
        }

        return Math.Clamp(result, 0, Math.Max(optionalClauses, 0));
    }
}

using ObservabilityStack.Emulator.Search.Blocks;
using ObservabilityStack.Emulator.Search.Fields;

namespace ObservabilityStack.Emulator.Search.Queries;

/// <summary>
/// A query over several fields given as names or patterns (<c>*</c>, <c>message*</c>, <c>title^2</c>), as used by
/// multi_match, query_string and simple_query_string. Patterns are expanded per index mapping (cached), and the
/// per-field queries are combined like dis_max.
/// </summary>
internal sealed class FieldsQuery : Query
{
    private readonly (string Pattern, double Boost)[] _fields;
    private readonly Func<ResolvedField, double, Query?> _factory;
    private readonly Dictionary<IFieldMappings, Query> _byMappings = new(ReferenceEqualityComparer.Instance);

    public FieldsQuery(IEnumerable<string> fields, Func<ResolvedField, double, Query?> factory)
    {
        _fields = [.. fields.Select(Split)];
        _factory = factory;
    }

    /// <inheritdoc/>
    public override bool Matches(DocContext doc, out double score) => For(doc.Shard.Mappings).Matches(doc, out score);

    /// <inheritdoc/>
    public override bool FilterBlock(in RunBlock block, ulong[] candidates) => For(block.Mappings).FilterBlock(block, candidates);

    private Query For(IFieldMappings mappings)
    {
        if (!_byMappings.TryGetValue(mappings, out var query))
        {
            query = Build(mappings);
            _byMappings[mappings] = query;
        }

        return query;
    }

    private Query Build(IFieldMappings mappings)
    {
        var queries = new List<Query>();
        foreach (var (pattern, boost) in _fields)
        {
            if (!pattern.Contains('*', StringComparison.Ordinal))
            {
                if (_factory(ResolvedField.Resolve(pattern, mappings), boost) is { } query)
                {
                    queries.Add(query);
                }

                continue;
            }

            foreach (var field in mappings.All)
            {
                var kind = ResolvedField.KindOf(field.Type);
                if (kind != FieldKind.Object && WildcardMatch(pattern, field.Path) &&
                    _factory(ResolvedField.Resolve(field.Path, mappings), boost) is { } query)
                {
                    queries.Add(query);
                }
            }
        }

        return queries.Count switch
        {
            0 => new MatchAllQuery(false),
            1 => queries[0],
            _ => new DisMaxQuery([.. queries], 0),
        };
    }

    private static (string, double) Split(string field)
    {
        var caret = field.LastIndexOf('^');
        return caret > 0 && double.TryParse(field[(caret + 1)..], System.Globalization.CultureInfo.InvariantCulture, out var boost)
            ? (field[..caret], boost)
            : (field, 1.0);
    }

    /// <summary>Simple <c>*</c> glob matching of field names.</summary>
    public static bool WildcardMatch(string pattern, string value)
    {
        if (pattern == "*")
        {
            return true;
        }

        var parts = pattern.Split('*');
        if (!value.StartsWith(parts[0], StringComparison.Ordinal))
        {
            return false;
        }

        var position = parts[0].Length;
        for (var i = 1; i < parts.Length; i++)
        {
            var found = i == parts.Length - 1
                ? (value.Length - parts[i].Length >= position && value.EndsWith(parts[i], StringComparison.Ordinal) ? value.Length - parts[i].Length : -1)
                : value.IndexOf(parts[i], position, StringComparison.Ordinal);
            if (found < 0)
            {
                return false;
            }

            position = found + parts[i].Length;
        }

        return true;
    }
}

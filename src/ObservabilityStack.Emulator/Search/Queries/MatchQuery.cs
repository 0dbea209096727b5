using System.Text.Json;
using ObservabilityStack.Emulator.Search.Fields;

namespace ObservabilityStack.Emulator.Search.Queries;

/// <summary>
/// <c>match</c>: on text fields the query is analysed and documents match by operator / minimum_should_match,
/// scored by the number of query terms found; on other fields it behaves like <c>term</c>.
/// </summary>
internal sealed class MatchQuery : Query
{
    private readonly FieldRef _field;
    private readonly string[] _terms;
    private readonly bool _and;
    private readonly string? _minimumShouldMatch;
    private readonly bool _zeroTermsAll;
    private readonly double _boost;
    private readonly TermQuery _exact;
    private readonly HashSet<string> _docTokens = new(StringComparer.Ordinal);
    private readonly List<string> _scratch = [];

    public MatchQuery(string field, JsonElement query, bool and, string? minimumShouldMatch, bool zeroTermsAll, double boost)
    {
        _field = new FieldRef(field);
        _terms = ResolvedField.AsString(query) is { } text ? [.. TextAnalyzer.Tokenize(text).Distinct()] : [];
        _and = and;
        _minimumShouldMatch = minimumShouldMatch;
        _zeroTermsAll = zeroTermsAll;
        _boost = boost;
        _exact = new TermQuery(field, query, false, boost);
    }

    /// <inheritdoc/>
    public override bool Matches(DocContext doc, out double score)
    {
        if (_field.Resolve(doc).Kind != FieldKind.Text)
        {
            return _exact.Matches(doc, out score);
        }

        score = 0;
        if (_terms.Length == 0)
        {
            score = _boost;
            return _zeroTermsAll;
        }

        _scratch.Clear();
        _field.Tokens(doc, _scratch);
        _docTokens.Clear();
        foreach (var token in _scratch)
        {
            _docTokens.Add(token);
        }

        var found = 0;
        foreach (var term in _terms)
        {
            if (_docTokens.Contains(term))
            {
                found++;
            }
        }

        var required = _and ? _terms.Length : BoolQuery.ResolveMinimumShouldMatch(_minimumShouldMatch, _terms.Length, 1);
        score = found * _boost;
        return found > 0 && found >= required;
    }
}

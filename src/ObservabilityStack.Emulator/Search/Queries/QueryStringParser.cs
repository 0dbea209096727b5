using System.Text.Json;
using ObservabilityStack.Emulator.Search.Fields;

namespace ObservabilityStack.Emulator.Search.Queries;

/// <summary>
/// Lucene query syntax for <c>query_string</c>, <c>q=</c> and (with <c>simple</c>) <c>simple_query_string</c>:
/// field:value, AND/OR/NOT, && || !, +/-, quotes, wildcards, <c>[a TO b]</c>, <c>&gt;=x</c>, grouping, boosts.
/// Clause occurrence follows Lucene's classic QueryParser rules.
/// </summary>
internal sealed partial class QueryStringParser
{
    private const int ConjNone = 0, ConjAnd = 1, ConjOr = 2;
    private const int ModNone = 0, ModRequired = 1, ModNot = 2;

    private readonly string _text;
    private readonly bool _simple;
    private readonly bool _defaultAnd;
    private readonly string[] _defaultFields;
    private readonly long _now;
    private readonly string? _minimumShouldMatch;
    private int _pos;

    private QueryStringParser(string text, bool simple, bool defaultAnd, string[] defaultFields, long now, string? msm)
    {
        _text = text;
        _simple = simple;
        _defaultAnd = defaultAnd;
        _defaultFields = defaultFields;
        _now = now;
        _minimumShouldMatch = msm;
    }

    /// <summary>Compiles a query_string / simple_query_string body.</summary>
    public static Query Parse(JsonElement body, bool simple, QueryParser parser)
    {
        var type = simple ? "simple_query_string" : "query_string";
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("query", out var query) || query.ValueKind != JsonValueKind.String)
        {
            throw EmulatorException.Parsing($"[{type}] must be provided with a [query]");
        }

        var fields = new List<string>();
        var and = false;
        string? msm = null;
        foreach (var property in body.EnumerateObject())
        {
            switch (property.Name)
            {
                case "default_field":
                    fields.Add(property.Value.GetString()!);
                    break;
                case "fields":
                    fields.AddRange(property.Value.EnumerateArray().Select(f => f.GetString()!));
                    break;
                case "default_operator":
                    and = string.Equals(property.Value.GetString(), "and", StringComparison.OrdinalIgnoreCase);
                    break;
                case "minimum_should_match":
                    msm = ResolvedField.AsString(property.Value);
                    break;
                case "query" or "boost" or "_name" or "analyzer" or "lenient" or "analyze_wildcard" or "flags" or "fuzziness"
                    or "allow_leading_wildcard" or "phrase_slop" or "auto_generate_synonyms_phrase_query" or "type"
                    or "quote_field_suffix" or "time_zone" or "tie_breaker" or "escape" or "max_determinized_states"
                    or "default_field_name" or "fuzzy_max_expansions" or "fuzzy_prefix_length" or "fuzzy_transpositions"
                    or "enable_position_increments" or "rewrite" or "quote_analyzer":
                    break;
                default:
                    throw EmulatorException.Parsing($"[{type}] query does not support [{property.Name}]");
            }
        }

        return Parse(query.GetString()!, simple, and, [.. fields], parser.NowMillis, msm);
    }

    /// <summary>Compiles query text against the default fields (<c>*</c> when none).</summary>
    public static Query Parse(string text, bool simple, bool defaultAnd, string[] defaultFields, long now, string? msm = null)
    {
        var parser = new QueryStringParser(text, simple, defaultAnd, defaultFields.Length == 0 ? ["*"] : defaultFields, now, msm);
        var query = parser.ParseExpression(null, topLevel: true);
        parser.SkipSpace();
        if (parser._pos < text.Length)
        {
            throw parser.Error($"Encountered \" \"{text[parser._pos]}\" \"");
        }

        return query;
    }

    private Query ParseExpression(string? field, bool topLevel)
    {
        List<(int Occur, Query Query)> clauses = [];
        while (true)
        {
            SkipSpace();
            if (_pos >= _text.Length || _text[_pos] == ')')
            {
                break;
            }

            var conj = ReadConjunction();
            SkipSpace();
            var mods = ReadModifier();
            SkipSpace();
            if (_pos >= _text.Length || _text[_pos] == ')')
            {
                break;
            }

            var clause = ParseClause(field);
            AddClause(clauses, conj, mods, clause);
        }

        if (clauses.Count == 1 && clauses[0].Occur != ModNot && _minimumShouldMatch is null)
        {
            return clauses[0].Query;
        }

        var must = clauses.Where(c => c.Occur == ModRequired).Select(c => c.Query).ToArray();
        var should = clauses.Where(c => c.Occur == ModNone).Select(c => c.Query).ToArray();
        var mustNot = clauses.Where(c => c.Occur == ModNot).Select(c => c.Query).ToArray();
        var minimum = must.Length == 0 && should.Length > 0 ? 1 : 0;
        if (topLevel)
        {
            minimum = BoolQuery.ResolveMinimumShouldMatch(_minimumShouldMatch, should.Length, minimum);
        }

        return new BoolQuery(must, [], should, mustNot, minimum);
    }

    private void AddClause(List<(int Occur, Query Query)> clauses, int conj, int mods, Query query)
    {
        if (clauses.Count > 0 && clauses[^1].Occur != ModNot)
        {
            if (conj == ConjAnd)
            {
                clauses[^1] = (ModRequired, clauses[^1].Query);
            }
            else if (conj == ConjOr && _defaultAnd)
            {
                clauses[^1] = (ModNone, clauses[^1].Query);
            }
        }

        var prohibited = mods == ModNot;
        var required = _defaultAnd ? !prohibited && conj != ConjOr : mods == ModRequired || (conj == ConjAnd && !prohibited);
        clauses.Add((prohibited ? ModNot : required ? ModRequired : ModNone, query));
    }

    private int ReadConjunction()
    {
        if (_simple)
        {
            return Accept("+") ? ConjAnd : Accept("|") ? ConjOr : ConjNone;
        }

        return AcceptWord("AND") || Accept("&&") ? ConjAnd : AcceptWord("OR") || Accept("||") ? ConjOr : ConjNone;
    }

    private int ReadModifier()
    {
        if (Accept("-") || (!_simple && (AcceptWord("NOT") || Accept("!"))))
        {
            return ModNot;
        }

        return Accept("+") ? ModRequired : ModNone;
    }

    private void SkipSpace()
    {
        while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos]))
        {
            _pos++;
        }
    }

    private bool Accept(string token)
    {
        if (string.CompareOrdinal(_text, _pos, token, 0, token.Length) != 0)
        {
            return false;
        }

        _pos += token.Length;
        return true;
    }

    private bool AcceptWord(string word)
    {
        var end = _pos + word.Length;
        if (end > _text.Length || string.CompareOrdinal(_text, _pos, word, 0, word.Length) != 0 ||
            (end < _text.Length && !char.IsWhiteSpace(_text[end]) && _text[end] != '('))
        {
            return false;
        }

        _pos = end;
        return true;
    }

    private EmulatorException Error(string detail) =>
        new(400, "query_shard_exception", $"Failed to parse query [{_text}]");
}

using System.Text;
using System.Text.Json;
using ObservabilityStack.Emulator.Search.Fields;

namespace ObservabilityStack.Emulator.Search.Queries;

/// <summary>One clause of the query string: a group, phrase, range, comparison or term, on a field or the defaults.</summary>
internal sealed partial class QueryStringParser
{
    private Query ParseClause(string? field)
    {
        SkipSpace();
        Query query;
        if (Accept("("))
        {
            query = ParseExpression(field, topLevel: false);
            SkipSpace();
            if (!Accept(")"))
            {
                throw Error("missing )");
            }
        }
        else if (_pos < _text.Length && _text[_pos] == '"')
        {
            var phrase = ReadQuoted();
            var slop = ReadSuffix('~');
            query = OnFields(field, (f, boost) => f.Kind == FieldKind.Object ? null
                : new MatchPhraseQuery(f.Path, Json(phrase), (int)(slop ?? 0), false, boost));
        }
        else if (!_simple && _pos < _text.Length && _text[_pos] is '[' or '{')
        {
            query = ParseRange(field);
        }
        else if (!_simple && (Accept(">=") || Accept("<=") || Accept(">") || Accept("<")))
        {
            var op = _text[_pos - 1] == '=' ? _text.Substring(_pos - 2, 2) : _text.Substring(_pos - 1, 1);
            var value = Json(ReadTerm());
            var bounds = op switch
            {
                ">=" => new RangeBounds(null, value, null, null, null, null),
                ">" => new RangeBounds(value, null, null, null, null, null),
                "<=" => new RangeBounds(null, null, null, value, null, null),
                _ => new RangeBounds(null, null, value, null, null, null),
            };
            query = OnFields(field, (f, boost) => f.Kind == FieldKind.Object ? null : new RangeQuery(f.Path, bounds, _now, boost));
        }
        else
        {
            var term = ReadTerm();
            if (term.Length == 0)
            {
                throw Error($"Encountered \"{(_pos < _text.Length ? _text[_pos] : ' ')}\"");
            }

            if (!_simple && field is null && Accept(":"))
            {
                return term == "_exists_" ? new ExistsQuery(ReadTerm(), 1.0) : ParseClause(term);
            }

            ReadSuffix('~');
            query = OnFields(field, (f, boost) => TermFor(f, term, boost));
        }

        return ReadSuffix('^') is { } b ? new BoolQuery([query], [], [], [], 0, b) : query;
    }

    private FieldsQuery ParseRange(string? field)
    {
        var lowInclusive = _text[_pos++] == '[';
        SkipSpace();
        var low = ReadTerm();
        SkipSpace();
        if (!AcceptWord("TO"))
        {
            throw Error("expected TO");
        }

        SkipSpace();
        var high = ReadTerm();
        if (_pos >= _text.Length || _text[_pos] is not (']' or '}'))
        {
            throw Error("missing ] or }");
        }

        var highInclusive = _text[_pos++] == ']';
        JsonElement? Bound(string value) => value == "*" ? null : Json(value);
        var bounds = new RangeBounds(lowInclusive ? null : Bound(low), lowInclusive ? Bound(low) : null,
            highInclusive ? null : Bound(high), highInclusive ? Bound(high) : null, null, null);
        return OnFields(field, (f, boost) => f.Kind == FieldKind.Object ? null : new RangeQuery(f.Path, bounds, _now, boost));
    }

    private Query TermFor(ResolvedField field, string term, double boost)
    {
        if (field.Kind == FieldKind.Object)
        {
            return null!;
        }

        if (term == "*")
        {
            return new ExistsQuery(field.Path, boost);
        }

        var isPattern = _simple ? term.EndsWith('*') : term.AsSpan().IndexOfAny('*', '?') >= 0;
        if (isPattern)
        {
            if (field.IsNumeric)
            {
                return null!;
            }

            var pattern = field.Kind == FieldKind.Text ? term.ToLowerInvariant() : term;
            return _simple
                ? PatternQuery.Prefix(field.Path, pattern.TrimEnd('*'), false, boost)
                : PatternQuery.Wildcard(field.Path, pattern, false, boost);
        }

        var value = Json(term);
        if (field.Kind == FieldKind.Text)
        {
            return new MatchQuery(field.Path, value, false, null, false, boost);
        }

        return field.IsNumeric && !field.TryNumber(value, out _) ? null! : new TermQuery(field.Path, value, false, boost);
    }

    private FieldsQuery OnFields(string? field, Func<ResolvedField, double, Query?> factory) =>
        new(field is null ? _defaultFields : [field], factory);

    private string ReadTerm()
    {
        var term = new StringBuilder();
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (c == '\\' && _pos + 1 < _text.Length)
            {
                term.Append(_text[_pos + 1]);
                _pos += 2;
                continue;
            }

            if (char.IsWhiteSpace(c) || c is '(' or ')' or '"' or '^' or '~' || (_simple ? c is '|' or '+' : c is ':' or ']' or '}' or '[' or '{'))
            {
                break;
            }

            term.Append(c);
            _pos++;
        }

        return term.ToString();
    }

    private string ReadQuoted()
    {
        _pos++;
        var text = new StringBuilder();
        while (_pos < _text.Length && _text[_pos] != '"')
        {
            if (_text[_pos] == '\\' && _pos + 1 < _text.Length)
            {
                _pos++;
            }

            text.Append(_text[_pos++]);
        }

        if (!Accept("\""))
        {
            throw Error("Lexical error: unterminated quote");
        }

        return text.ToString();
    }

    private double? ReadSuffix(char marker)
    {
        if (_pos >= _text.Length || _text[_pos] != marker)
        {
            return null;
        }

        _pos++;
        var start = _pos;
        while (_pos < _text.Length && (char.IsAsciiDigit(_text[_pos]) || _text[_pos] == '.'))
        {
            _pos++;
        }

        return double.TryParse(_text.AsSpan(start, _pos - start), System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : 1.0;
    }

    private static JsonElement Json(string text) => JsonSerializer.SerializeToElement(text);
}

using System.Text.Json;
using ObservabilityStack.Emulator.Search.Fields;

namespace ObservabilityStack.Emulator.Search.Queries;

/// <summary>
/// <c>match_phrase</c> and <c>match_phrase_prefix</c>: the analysed terms appear consecutively (within <c>slop</c>
/// extra positions) in one value of a text field; other fields compare exactly.
/// </summary>
internal sealed class MatchPhraseQuery : Query
{
    private readonly FieldRef _field;
    private readonly string[] _terms;
    private readonly int _slop;
    private readonly bool _lastIsPrefix;
    private readonly double _boost;
    private readonly TermQuery _exact;
    private readonly List<string> _tokens = [];

    public MatchPhraseQuery(string field, JsonElement query, int slop, bool lastIsPrefix, double boost)
    {
        _field = new FieldRef(field);
        _terms = ResolvedField.AsString(query) is { } text ? [.. TextAnalyzer.Tokenize(text)] : [];
        _slop = slop;
        _lastIsPrefix = lastIsPrefix;
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

        score = _boost * _terms.Length;
        if (_terms.Length == 0)
        {
            return false;
        }

        foreach (var element in _field.Elements(doc))
        {
            if (ResolvedField.AsString(element) is not { } text)
            {
                continue;
            }

            _tokens.Clear();
            TextAnalyzer.Tokenize(text, _tokens);
            for (var start = 0; start < _tokens.Count; start++)
            {
                if (MatchesAt(start))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private bool MatchesAt(int start)
    {
        var position = start;
        var gaps = 0;
        for (var i = 0; i < _terms.Length; i++)
        {
            while (position < _tokens.Count && !TermMatches(i, _tokens[position]))
            {
                if (i == 0 || ++gaps > _slop)
                {
                    return false;
                }

                position++;
            }

            if (position >= _tokens.Count)
            {
                return false;
            }

            position++;
        }

        return true;
    }

    private bool TermMatches(int index, string token) =>
        _lastIsPrefix && index == _terms.Length - 1
            ? token.StartsWith(_terms[index], StringComparison.Ordinal)
            : token == _terms[index];
}

using System.Text;
using System.Text.RegularExpressions;
using ObservabilityStack.Emulator.Search.Fields;

namespace ObservabilityStack.Emulator.Search.Queries;

/// <summary><c>prefix</c>, <c>wildcard</c> and <c>regexp</c>: whole keyword values, or single tokens of text fields.</summary>
internal sealed class PatternQuery : Query
{
    private readonly FieldRef _field;
    private readonly string? _prefix;
    private readonly Regex? _regex;
    private readonly bool _caseInsensitive;
    private readonly double _boost;
    private readonly List<string> _values = [];

    private PatternQuery(string field, string? prefix, Regex? regex, bool caseInsensitive, double boost)
    {
        _field = new FieldRef(field);
        _prefix = prefix;
        _regex = regex;
        _caseInsensitive = caseInsensitive;
        _boost = boost;
    }

    /// <summary>A <c>prefix</c> query.</summary>
    public static PatternQuery Prefix(string field, string prefix, bool caseInsensitive, double boost) =>
        new(field, prefix, null, caseInsensitive, boost);

    /// <summary>A <c>wildcard</c> query (<c>*</c> any run, <c>?</c> one character).</summary>
    public static PatternQuery Wildcard(string field, string pattern, bool caseInsensitive, double boost)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                regex.Append(Regex.Escape(pattern[++i].ToString()));
            }
            else
            {
                regex.Append(c switch { '*' => ".*", '?' => ".", _ => Regex.Escape(c.ToString()) });
            }
        }

        return new(field, null, Build(regex.Append('$').ToString(), caseInsensitive), caseInsensitive, boost);
    }

    /// <summary>A <c>regexp</c> query (Lucene regular expressions are anchored).</summary>
    public static PatternQuery Regexp(string field, string pattern, bool caseInsensitive, double boost) =>
        new(field, null, Build("^(?:" + pattern + ")$", caseInsensitive), caseInsensitive, boost);

    /// <inheritdoc/>
    public override bool Matches(DocContext doc, out double score)
    {
        score = _boost;
        _values.Clear();
        _field.Tokens(doc, _values);
        var comparison = _caseInsensitive ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        foreach (var value in _values)
        {
            if (_prefix is not null ? value.StartsWith(_prefix, comparison) : _regex!.IsMatch(value))
            {
                return true;
            }
        }

        return false;
    }

    private static Regex Build(string pattern, bool caseInsensitive)
    {
        try
        {
            var options = RegexOptions.CultureInvariant | RegexOptions.Singleline | (caseInsensitive ? RegexOptions.IgnoreCase : 0);
            return new Regex(pattern, options, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException e)
        {
            throw EmulatorException.IllegalArgument($"invalid regular expression [{pattern}]: {e.Message}");
        }
    }
}

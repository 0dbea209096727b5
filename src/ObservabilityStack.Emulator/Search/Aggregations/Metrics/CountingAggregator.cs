using System.Text.Json;
using ObservabilityStack.Emulator.Search.Fields;

namespace ObservabilityStack.Emulator.Search.Aggregations.Metrics;

/// <summary><c>value_count</c> (number of values) and <c>cardinality</c> (number of distinct values, exact here).</summary>
internal sealed class CountingAggregator : Aggregator
{
    private readonly ValuesSource _source;
    private readonly List<string> _strings = [];
    private readonly List<double> _numbers = [];
    private readonly HashSet<string> _distinctStrings = new(StringComparer.Ordinal);
    private readonly HashSet<double> _distinctNumbers = [];
    private long _count;

    public CountingAggregator(AggregationDefinition definition)
        : this(definition, new ValuesSource(definition))
    {
        if (definition.Body.TryGetProperty("precision_threshold", out var threshold) && threshold.GetInt64() < 0)
        {
            throw EmulatorException.IllegalArgument(
                $"[precisionThreshold] must be greater than or equal to 0. Found [{threshold.GetInt64()}] in [{definition.Name}]");
        }
    }

    private CountingAggregator(AggregationDefinition definition, ValuesSource source)
        : base(definition) => _source = source;

    private bool IsCardinality => Definition.Type == "cardinality";

    /// <inheritdoc/>
    public override Aggregator Fresh() => new CountingAggregator(Definition, _source);

    /// <inheritdoc/>
    public override void Validate(ISearchShard shard) => _source.Validate(shard, numericOnly: false);

    /// <inheritdoc/>
    public override void Collect(DocContext doc)
    {
        if (_source.Field!.Resolve(doc).IsNumeric)
        {
            _numbers.Clear();
            _source.Numbers(doc, _numbers);
            _count += _numbers.Count;
            if (IsCardinality)
            {
                _distinctNumbers.UnionWith(_numbers);
            }

            return;
        }

        _strings.Clear();
        _source.Strings(doc, _strings);
        _count += _strings.Count;
        if (IsCardinality)
        {
            _distinctStrings.UnionWith(_strings);
        }
    }

    /// <inheritdoc/>
    public override double OrderValue(string? metric) => Value;

    private long Value => IsCardinality ? _distinctStrings.Count + _distinctNumbers.Count : _count;

    /// <inheritdoc/>
    protected override void WriteBody(Utf8JsonWriter writer, AggregationContext context) => writer.WriteNumber("value", Value);
}

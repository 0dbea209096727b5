using System.Globalization;
using System.Text.Json;
using ObservabilityStack.Emulator.Search.Fields;

namespace ObservabilityStack.Emulator.Search.Aggregations.Buckets;

/// <summary><c>histogram</c> and <c>date_histogram</c>: keyed buckets, empty ones filled in when min_doc_count is 0.</summary>
internal sealed class HistogramAggregator : Aggregator
{
    private const int MaxBuckets = 65_536;
    private readonly HistogramSettings _settings;
    private readonly Dictionary<double, Bucket> _buckets = [];
    private readonly List<double> _values = [];
    private readonly List<double> _keys = [];
    private DateFormat? _fieldFormat;

    public HistogramAggregator(AggregationDefinition definition)
        : this(new HistogramSettings(definition))
    {
    }

    private HistogramAggregator(HistogramSettings settings)
        : base(settings.Definition) => _settings = settings;

    /// <inheritdoc/>
    public override Aggregator Fresh() => new HistogramAggregator(_settings);

    /// <inheritdoc/>
    public override void Validate(ISearchShard shard)
    {
        _settings.Source.Validate(shard, numericOnly: true);
        base.Validate(shard);
    }

    /// <inheritdoc/>
    public override void Collect(DocContext doc)
    {
        _values.Clear();
        _settings.Source.Numbers(doc, _values);
        if (_values.Count == 0)
        {
            return;
        }

        _fieldFormat ??= _settings.Source.Field!.Resolve(doc).Format;
        _keys.Clear();
        foreach (var value in _values)
        {
            var key = _settings.Rounding.Round(value);
            if (_keys.Contains(key) || OutsideHardBounds(key))
            {
                continue;
            }

            _keys.Add(key);
            if (!_buckets.TryGetValue(key, out var bucket))
            {
                bucket = _buckets[key] = new Bucket(key, null, AggregatorSet.Create(Definition.SubAggregations));
            }

            bucket.DocCount++;
            bucket.Subs.Collect(doc);
        }
    }

    private bool OutsideHardBounds(double key) =>
        (_settings.HardMin is { } min && key < _settings.Rounding.Round(min)) || (_settings.HardMax is { } max && key > max);

    /// <inheritdoc/>
    protected override void WriteBody(Utf8JsonWriter writer, AggregationContext context)
    {
        if (_settings.MinDocCount == 0)
        {
            FillGaps();
        }

        var buckets = _buckets.Values.Where(b => b.DocCount >= _settings.MinDocCount).ToList();
        buckets.Sort(_settings.Order.Compare);
        BucketsWriter.Start(writer, _settings.Keyed);

        foreach (var bucket in buckets)
        {
            var keyText = KeyAsString(bucket.Number);
            if (_settings.Keyed)
            {
                writer.WritePropertyName(keyText ?? JavaFormat.Double(bucket.Number));
            }

            writer.WriteStartObject();
            if (keyText is not null)
            {
                writer.WriteString("key_as_string", keyText);
            }

            if (_settings.IsDate)
            {
                writer.WriteNumber("key", (long)bucket.Number);
            }
            else
            {
                writer.WriteNumber("key", bucket.Number);
            }

            writer.WriteNumber("doc_count", bucket.DocCount);
            bucket.Subs.WriteProperties(writer, context);
            writer.WriteEndObject();
        }

        BucketsWriter.End(writer, _settings.Keyed);
    }

    private string? KeyAsString(double key)
    {
        if (_settings.IsDate)
        {
            var format = _settings.Format is null ? _fieldFormat ?? DateFormat.Default : DateFormat.Get(_settings.Format);
            return format.Format((long)key, _settings.Zone);
        }

        return _settings.Format is null ? null : key.ToString(_settings.Format, CultureInfo.InvariantCulture);
    }

    private void FillGaps()
    {
        double? low = _buckets.Count > 0 ? _buckets.Keys.Min() : null;
        double? high = _buckets.Count > 0 ? _buckets.Keys.Max() : null;
        if (_settings.ExtendedMin is { } extMin)
        {
            var rounded = _settings.Rounding.Round(extMin);
            low = low is null ? rounded : Math.Min(low.Value, rounded);
        }

        if (_settings.ExtendedMax is { } extMax)
        {
            var rounded = _settings.Rounding.Round(extMax);
            high = high is null ? rounded : Math.Max(high.Value, rounded);
        }

        if (low is null || high is null)
        {
            return;
        }

        var count = 0;
        for (var key = low.Value; key <= high.Value; key = _settings.Rounding.Next(key))
        {
            if (++count > MaxBuckets)
            {
                throw new EmulatorException(400, "too_many_buckets_exception",
                    $"Trying to create too many buckets. Must be less than or equal to: [{MaxBuckets}] but this number of buckets was exceeded. This limit can be set by changing the [search.max_buckets] cluster level setting.");
            }

            if (!_buckets.ContainsKey(key) && !OutsideHardBounds(key))
            {
                _buckets[key] = new Bucket(key, null, AggregatorSet.Create(Definition.SubAggregations));
            }
        }
    }
}

using System.Text.Json;
using ObservabilityStack.Emulator.Search.DocValues;
using ObservabilityStack.Emulator.Search.Fields;

namespace ObservabilityStack.Emulator.Search.Aggregations.Buckets;

/// <summary><c>terms</c>: one bucket per distinct value, ordered (count desc, key asc by default), top <c>size</c>.</summary>
internal sealed class TermsAggregator : Aggregator
{
    private readonly TermsSettings _settings;
    private readonly Dictionary<string, Bucket> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<double, Bucket> _numbers = [];
    private readonly List<string> _docStrings = [];
    private readonly List<double> _docNumbers = [];
    private ResolvedField? _field;
    private FieldKind _kind = FieldKind.Keyword;

    // The buckets of the current run's dictionary by ordinal (Rejected when include/exclude refuses the term), so a
    // single-valued document costs an array lookup instead of hashing its string.
    private static readonly Bucket Rejected = new(0, null, AggregatorSet.Empty);
    private readonly PerColumn<Bucket?[]> _byOrdinal = new(column => new Bucket?[column.Terms.Length]);

    public TermsAggregator(AggregationDefinition definition)
        : this(new TermsSettings(definition))
    {
    }

    private TermsAggregator(TermsSettings settings)
        : base(settings.Definition) => _settings = settings;

    /// <inheritdoc/>
    public override string TypedPrefix => _kind switch
    {
        FieldKind.Long or FieldKind.Date or FieldKind.Boolean => "lterms",
        FieldKind.Double => "dterms",
        _ => "sterms",
    };

    /// <inheritdoc/>
    public override Aggregator Fresh() => new TermsAggregator(_settings);

    /// <inheritdoc/>
    public override void Validate(ISearchShard shard)
    {
        _settings.Source.Validate(shard, numericOnly: false);
        _settings.Filter.RequireNoRegex(_settings.Source.Field?.Resolve(shard.Mappings).MappedType);
        base.Validate(shard);
    }

    /// <inheritdoc/>
    public override void Collect(DocContext doc) => Add(doc, true);

    private void Add(DocContext doc, bool count)
    {
        var kind = _settings.Source.KindIn(doc);
        if (kind is FieldKind.Long or FieldKind.Double or FieldKind.Date or FieldKind.Boolean)
        {
            _field = _settings.Source.Field!.Resolve(doc);
            _kind = _kind == FieldKind.Keyword || kind == FieldKind.Double ? kind : _kind;
            _docNumbers.Clear();
            _settings.Source.Numbers(doc, _docNumbers);
            for (var i = 0; i < _docNumbers.Count; i++)
            {
                var value = _docNumbers[i];
                if (_docNumbers.IndexOf(value) == i && _settings.Filter.Accepts(value, _field))
                {
                    Hit(_numbers.TryGetValue(value, out var b) ? b : _numbers[value] = NewBucket(value, null), doc, count);
                }
            }

            return;
        }

        if (count && AddByOrdinal(doc))
        {
            return;
        }

        _docStrings.Clear();
        _settings.Source.Strings(doc, _docStrings);
        for (var i = 0; i < _docStrings.Count; i++)
        {
            var value = _docStrings[i];
            if ((i == 0 || _docStrings.IndexOf(value) == i) && _settings.Filter.Accepts(value))
            {
                Hit(_strings.TryGetValue(value, out var b) ? b : _strings[value] = NewBucket(0, value), doc, count);
            }
        }
    }

    /// <summary>Counts a single-valued document through the run's ordinals; false when it needs the general path.</summary>
    private bool AddByOrdinal(DocContext doc)
    {
        if (_settings.Source.Field!.KeywordColumnOf(doc) is not { } column || column.Terms.Length > OrdinalFilter.MaxTerms)
        {
            return false;
        }

        var ordinal = column.OrdinalAt(doc.Position);
        if (ordinal < 0)
        {
            return false;
        }

        var byOrdinal = _byOrdinal.For(column);
        var bucket = byOrdinal[ordinal];
        if (bucket is null)
        {
            var value = column.Terms[ordinal];
            bucket = !_settings.Filter.Accepts(value) ? Rejected
                : _strings.TryGetValue(value, out var known) ? known : _strings[value] = NewBucket(0, value);
            byOrdinal[ordinal] = bucket;
        }

        if (!ReferenceEquals(bucket, Rejected))
        {
            Hit(bucket, doc, true);
        }

        return true;
    }

    private Bucket NewBucket(double number, string? text) => new(number, text, AggregatorSet.Create(Definition.SubAggregations));

    private static void Hit(Bucket bucket, DocContext doc, bool count)
    {
        if (count)
        {
            bucket.DocCount++;
            bucket.Subs.Collect(doc);
        }
    }

    /// <inheritdoc/>
    protected override void WriteBody(Utf8JsonWriter writer, AggregationContext context)
    {
        if (_settings.MinDocCount == 0)
        {
            context.ForEachDocument(doc => Add(doc, false));
        }

        var buckets = _numbers.Values.Concat(_strings.Values)
            .Where(b => b.DocCount >= _settings.MinDocCount)
            .ToList();
        buckets.Sort(_settings.Order.Compare);
        var shown = buckets.Take(_settings.Size).ToList();
        writer.WriteNumber("doc_count_error_upper_bound", 0);
        writer.WriteNumber("sum_other_doc_count", buckets.Skip(_settings.Size).Sum(b => b.DocCount));
        writer.WriteStartArray("buckets");
        foreach (var bucket in shown)
        {
            writer.WriteStartObject();
            WriteKey(writer, bucket);
            writer.WriteNumber("doc_count", bucket.DocCount);
            if (_settings.ShowTermDocCountError)
            {
                writer.WriteNumber("doc_count_error_upper_bound", 0);
            }

            bucket.Subs.WriteProperties(writer, context);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private void WriteKey(Utf8JsonWriter writer, Bucket bucket)
    {
        if (bucket.Text is not null)
        {
            writer.WriteString("key", bucket.Text);
            return;
        }

        switch (_kind)
        {
            case FieldKind.Double:
                writer.WriteNumber("key", bucket.Number);
                break;
            case FieldKind.Date:
                writer.WriteNumber("key", (long)bucket.Number);
                var format = _settings.Format is null ? _field?.Format ?? DateFormat.Default : DateFormat.Get(_settings.Format);
                writer.WriteString("key_as_string", format.Format((long)bucket.Number, null));
                break;
            case FieldKind.Boolean:
                writer.WriteNumber("key", (long)bucket.Number);
                writer.WriteString("key_as_string", bucket.Number != 0 ? "true" : "false");
                break;
            default:
                writer.WriteNumber("key", (long)bucket.Number);
                break;
        }
    }
}

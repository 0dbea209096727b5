using System.Text.Json;
using ObservabilityStack.Emulator.Search.Blocks;
using ObservabilityStack.Emulator.Search.DocValues;

namespace ObservabilityStack.Emulator.Search.Fields;

/// <summary>
/// A field named in a query or aggregation. Resolves itself per index mapping (cached for the last one, since
/// documents arrive shard by shard) and reads typed values into reusable lists. This is the one place values are
/// read: from the run's column when the document lives in a run (built on first use), else from <c>_source</c>.
/// </summary>
internal sealed class FieldRef
{
    private readonly List<JsonElement> _elements = [];
    private readonly StringPool _strings = new();
    private readonly ColumnCache<ExistsColumn> _exists = new();
    private readonly ColumnCache<KeywordColumn> _keywords = new();
    private readonly ColumnCache<NumberColumn> _numbers = new();
    private IFieldMappings? _lastMappings;
    private ResolvedField? _last;

    public FieldRef(string path)
    {
        Path = path;
        RequestFields.Created(this);
    }

    /// <summary>The dotted path.</summary>
    public string Path { get; }

    /// <summary>The field as mapped in <paramref name="mappings"/>.</summary>
    public ResolvedField Resolve(IFieldMappings mappings)
    {
        if (!ReferenceEquals(mappings, _lastMappings))
        {
            _last = ResolvedField.Resolve(Path, mappings);
            _lastMappings = mappings;
        }

        return _last!;
    }

    /// <summary>The field as mapped in the document's index.</summary>
    public ResolvedField Resolve(DocContext doc) => Resolve(doc.Shard.Mappings);

    /// <summary>Raw JSON values of the field from the document's <c>_source</c> (valid until the next call).</summary>
    public List<JsonElement> Elements(DocContext doc)
    {
        _elements.Clear();
        Resolve(doc).Accessor.Collect(doc.Doc.Source, _elements);
        return _elements;
    }

    /// <summary>True when the document has a value for the field.</summary>
    public bool Exists(DocContext doc) => Path switch
    {
        "_id" or "_index" => true,
        _ => doc.RunColumns is { } run
            ? _exists.Get(run, doc.Position, Resolve(doc).ExistsColumn, doc.Columns).Has(doc.Position)
            : Elements(doc).Count > 0,
    };

    /// <summary>Adds the field's values as keyword strings.</summary>
    public void Strings(DocContext doc, List<string> output)
    {
        switch (Path)
        {
            case "_id":
                output.Add(doc.Id);
                return;
            case "_index":
                output.Add(doc.IndexName);
                return;
        }

        if (doc.RunColumns is { } run)
        {
            _keywords.Get(run, doc.Position, Resolve(doc).KeywordColumn, doc.Columns).AddStrings(doc.Position, output);
            return;
        }

        FieldValues.AddStrings(Elements(doc), output, _strings);
    }

    /// <summary>The run's keyword column for this field, or null when the document is in no run.</summary>
    public KeywordColumn? KeywordColumnOf(DocContext doc) =>
        doc.RunColumns is { } run && !IsMetadata
            ? _keywords.Get(run, doc.Position, Resolve(doc).KeywordColumn, doc.Columns)
            : null;

    /// <summary>Adds the field's values as numbers (dates as epoch millis, booleans as 1/0).</summary>
    public void Numbers(DocContext doc, List<double> output)
    {
        var field = Resolve(doc);

        // Storage has already parsed @timestamp; reusing it skips a date parse per document on the hottest field.
        if (field.Kind == FieldKind.Date && doc.TimestampMillis is { } timestamp && Path == "@timestamp")
        {
            output.Add(timestamp);
            return;
        }

        if (doc.RunColumns is { } run)
        {
            _numbers.Get(run, doc.Position, field.NumberColumn, doc.Columns).AddNumbers(doc.Position, output);
            return;
        }

        FieldValues.AddNumbers(field, Elements(doc), output);
    }

    /// <summary>True for the metadata fields that have no column (<c>_id</c>, <c>_index</c>).</summary>
    public bool IsMetadata => Path is "_id" or "_index";

    /// <summary>The keyword column of the block (a column-aware query's view of the field; not for metadata fields).</summary>
    public KeywordColumn KeywordColumnOf(in RunBlock block) =>
        _keywords.Get(block.Columns, block.Start, Resolve(block.Mappings).KeywordColumn, block.Plan);

    /// <summary>The exists column of the block (not for metadata fields).</summary>
    public ExistsColumn ExistsColumnOf(in RunBlock block) =>
        _exists.Get(block.Columns, block.Start, Resolve(block.Mappings).ExistsColumn, block.Plan);

    /// <summary>
    /// Clears the block's candidates none of whose values pass <paramref name="test"/> (numeric fields; dates as epoch
    /// millis, <c>@timestamp</c> read from the run's own sorted timestamps).
    /// </summary>
    public void KeepNumbers<TTest>(in RunBlock block, ulong[] candidates, TTest test)
        where TTest : struct, INumberTest
    {
        var field = Resolve(block.Mappings);
        if (field.Kind == FieldKind.Date && Path == "@timestamp")
        {
            var times = block.Run.Times;
            var offset = block.BlockStart;
            for (var i = block.Start; i < block.End; i++)
            {
                if (!test.Accepts(times[i]))
                {
                    candidates[(i - offset) >> 6] &= ~(1UL << (i - offset));
                }
            }

            return;
        }

        _numbers.Get(block.Columns, block.Start, field.NumberColumn, block.Plan).Keep(candidates, test);
    }

    /// <summary>Adds the analysed tokens of a text field, or the exact strings of any other field.</summary>
    public void Tokens(DocContext doc, List<string> output)
    {
        if (Resolve(doc).Kind != FieldKind.Text)
        {
            Strings(doc, output);
            return;
        }

        foreach (var element in Elements(doc))
        {
            if (ResolvedField.AsString(element) is { } text)
            {
                TextAnalyzer.Tokenize(text, output);
            }
        }
    }
}

using System.Globalization;
using System.Text.Json;
using ObservabilityStack.Emulator.Search.Fields;

namespace ObservabilityStack.Emulator.Search.Hits;

/// <summary>Writes hits in Elasticsearch's shape: _index, _id, _score, _source, sort, fields.</summary>
internal static class HitWriter
{
    /// <summary>Sorts hits: by the sort criteria, or by score descending; ties keep index order.</summary>
    public static int Compare(Hit a, Hit b, SortSpec[] sort)
    {
        for (var i = 0; i < sort.Length; i++)
        {
            var c = sort[i].Compare(a.Keys[i], b.Keys[i]);
            if (c != 0)
            {
                return c;
            }
        }

        if (sort.Length == 0)
        {
            var c = b.Score.CompareTo(a.Score);
            if (c != 0)
            {
                return c;
            }
        }

        return a.ShardIndex != b.ShardIndex ? a.ShardIndex.CompareTo(b.ShardIndex) : a.DocIndex.CompareTo(b.DocIndex);
    }

    /// <summary>Writes one hit object.</summary>
    public static void Write(Utf8JsonWriter writer, Hit hit, HitOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("_index", hit.Doc.Index);
        writer.WriteString("_id", hit.Doc.Id);
        if (options.Version)
        {
            writer.WriteNumber("_version", hit.Doc.Version);
        }

        if (options.SeqNoPrimaryTerm)
        {
            writer.WriteNumber("_seq_no", hit.Doc.SeqNo);
            writer.WriteNumber("_primary_term", hit.Doc.PrimaryTerm);
        }

        if (options.WriteScore)
        {
            writer.WriteNumber("_score", hit.Score);
        }
        else
        {
            writer.WriteNull("_score");
        }

        if (options.Source.Enabled)
        {
            writer.WritePropertyName("_source");
            options.Source.Write(hit.Doc.Source, writer);
        }

        if (options.Fields.Length > 0)
        {
            WriteFields(writer, hit, options.Fields);
        }

        if (options.Sort.Length > 0)
        {
            writer.WriteStartArray("sort");
            for (var i = 0; i < options.Sort.Length; i++)
            {
                WriteSortValue(writer, options.Sort[i], hit.Keys[i], hit.Shard);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static void WriteSortValue(Utf8JsonWriter writer, SortSpec spec, SortKey key, ISearchShard shard)
    {
        if (spec.IsScore)
        {
            writer.WriteNumberValue(key.Number);
            return;
        }

        var kind = spec.IsDoc ? FieldKind.Long : spec.Field.Resolve(shard.Mappings).Kind;
        if (kind == FieldKind.Unmapped && spec.UnmappedType is { } type)
        {
            kind = ResolvedField.KindOf(type);
        }

        if (key.Missing)
        {
            if (kind is FieldKind.Long or FieldKind.Date or FieldKind.Boolean)
            {
                writer.WriteNumberValue(spec.Descending ^ spec.MissingFirst ? long.MinValue : long.MaxValue);
            }
            else if (kind == FieldKind.Double)
            {
                writer.WriteNumberValue(spec.Descending ^ spec.MissingFirst ? double.MinValue : double.MaxValue);
            }
            else
            {
                writer.WriteNullValue();
            }
        }
        else if (key.Text is not null)
        {
            writer.WriteStringValue(key.Text);
        }
        else if (kind is FieldKind.Long or FieldKind.Date or FieldKind.Boolean)
        {
            writer.WriteNumberValue((long)key.Number);
        }
        else
        {
            writer.WriteNumberValue(key.Number);
        }
    }

    private static void WriteFields(Utf8JsonWriter writer, Hit hit, DocValueField[] fields)
    {
        var doc = new DocContext { Doc = hit.Doc, Shard = hit.Shard };
        var started = false;
        var numbers = new List<double>();
        var strings = new List<string>();
        foreach (var entry in fields)
        {
            var field = entry.Field.Resolve(doc);
            numbers.Clear();
            strings.Clear();
            if (field.IsNumeric)
            {
                entry.Field.Numbers(doc, numbers);
            }
            else
            {
                entry.Field.Strings(doc, strings);
            }

            if (numbers.Count + strings.Count == 0)
            {
                continue;
            }

            if (!started)
            {
                writer.WriteStartObject("fields");
                started = true;
            }

            writer.WriteStartArray(entry.Field.Path);
            foreach (var number in numbers)
            {
                WriteFieldNumber(writer, field, number, entry.Format);
            }

            foreach (var text in strings)
            {
                writer.WriteStringValue(text);
            }

            writer.WriteEndArray();
        }

        if (started)
        {
            writer.WriteEndObject();
        }
    }

    private static void WriteFieldNumber(Utf8JsonWriter writer, ResolvedField field, double number, string? format)
    {
        switch (field.Kind)
        {
            case FieldKind.Date:
                writer.WriteStringValue((format is null ? field.Format : DateFormat.Get(format)).Format((long)number, null));
                return;
            case FieldKind.Boolean:
                writer.WriteBooleanValue(number != 0);
                return;
        }

        if (format is not null && format != "use_field_mapping")
        {
            writer.WriteStringValue(number.ToString(format, CultureInfo.InvariantCulture));
        }
        else if (field.Kind == FieldKind.Long)
        {
            writer.WriteNumberValue((long)number);
        }
        else
        {
            writer.WriteNumberValue(number);
        }
    }
}

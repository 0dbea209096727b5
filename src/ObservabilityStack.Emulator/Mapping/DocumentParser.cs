using System.Buffers;
using System.Text;
using System.Text.Json;

namespace ObservabilityStack.Emulator.Mapping;

/// <summary>
/// Walks a document's source once with <see cref="Utf8JsonReader"/>: checks every value against its mapped
/// type, adds dynamic fields like Elasticsearch (rolled back when the document fails), and reads
/// <c>@timestamp</c>. Property names are looked up as spans and paths come from the mapping, so a document
/// whose fields are all mapped allocates nothing here. Runs under the owning index's write lock.
/// </summary>
internal sealed partial class DocumentParser
{
    private const int NameBuffer = 256;
    private readonly IndexMappings _mappings;
    private readonly string _id;
    private readonly List<(Dictionary<string, FieldMapping> Parent, string Name)> _added = [];
    private long? _timestamp;
    private int _timestampValues;

    private DocumentParser(IndexMappings mappings, string id)
    {
        _mappings = mappings;
        _id = id;
    }

    /// <summary>Parses a source; throws <see cref="EmulatorException"/> (document_parsing_exception...) when it does not fit.</summary>
    public static long? Parse(IndexMappings mappings, ReadOnlySpan<byte> source, string id, out int timestampValues)
    {
        var parser = new DocumentParser(mappings, id);
        try
        {
            var reader = new Utf8JsonReader(source, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new EmulatorException(400, "document_parsing_exception", "[1:1] failed to parse: source is not a JSON object");
            }

            parser.ParseObject(ref reader, mappings.Root, mappings.Dynamic);
            if (reader.Read())
            {
                throw Failed(reader, "failed to parse: trailing content after the document");
            }
        }
        catch (JsonException e)
        {
            parser.Rollback();
            throw new EmulatorException(400, "document_parsing_exception",
                $"[{e.LineNumber + 1}:{e.BytePositionInLine + 1}] failed to parse: {e.Message}");
        }
        catch
        {
            parser.Rollback();
            throw;
        }

        if (parser._added.Count > 0)
        {
            mappings.Touch();
        }

        timestampValues = parser._timestampValues;
        return parser._timestamp;
    }

    private void Rollback()
    {
        for (var i = _added.Count - 1; i >= 0; i--)
        {
            _added[i].Parent.Remove(_added[i].Name);
        }
    }

    private void ParseObject(ref Utf8JsonReader reader, FieldMapping objectField, string dynamic)
    {
        Span<char> buffer = stackalloc char[NameBuffer];
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var length = reader.HasValueSequence ? (int)reader.ValueSequence.Length : reader.ValueSpan.Length;
            char[]? rented = null;
            var chars = length <= NameBuffer ? buffer : (rented = ArrayPool<char>.Shared.Rent(length));
            var name = chars[..reader.CopyString(chars)];
            if (objectField.Path.Length == 0 && name.Length > 0 && name[0] == '_' && IsMetadataField(name))
            {
                throw Failed(reader, $"Field [{name}] is a metadata field and cannot be added inside a document. Use the index API request parameters.");
            }

            reader.Read();
            ParseField(ref reader, objectField, name, dynamic);
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    private void ParseField(ref Utf8JsonReader reader, FieldMapping parent, scoped ReadOnlySpan<char> name, string dynamic)
    {
        parent.Properties ??= new(StringComparer.Ordinal);
        var lookup = parent.Properties.GetAlternateLookup<ReadOnlySpan<char>>();
        var dot = name.IndexOf('.');
        if (dot > 0 && dot < name.Length - 1)
        {
            // "log.level": "info" is the object log with field level, as in Elasticsearch.
            var head = name[..dot];
            if (!lookup.TryGetValue(head, out var headField))
            {
                if (!Admit(ref reader, dynamic, parent.Path, head))
                {
                    return;
                }

                var headName = head.ToString();
                headField = FieldMapping.Object(Join(parent.Path, headName));
                AddField(parent.Properties, headName, headField);
            }

            if (!headField.IsObject)
            {
                throw Failed(reader, $"Could not dynamically add mapping for field [{Join(parent.Path, name.ToString())}]. Existing mapping for [{headField.Path}] must be of type object but found [{headField.Type}].");
            }

            ParseField(ref reader, headField, name[(dot + 1)..], headField.Dynamic ?? dynamic);
            return;
        }

        if (!lookup.TryGetValue(name, out var field))
        {
            var inferred = FirstValue(reader);
            if (inferred is null)
            {
                reader.Skip();
                return;
            }

            if (!Admit(ref reader, dynamic, parent.Path, name))
            {
                return;
            }

            var fieldName = name.ToString();
            field = Infer(inferred.Value, fieldName, Join(parent.Path, fieldName));
            AddField(parent.Properties, fieldName, field);
        }

        ParseValue(ref reader, field, dynamic);
    }

    /// <summary>Applies the dynamic setting to an unmapped field: true maps it, false skips it, strict fails.</summary>
    private static bool Admit(ref Utf8JsonReader reader, string dynamic, string parentPath, scoped ReadOnlySpan<char> name)
    {
        switch (dynamic)
        {
            case "strict":
                throw new EmulatorException(400, "strict_dynamic_mapping_exception",
                    $"[1:{reader.TokenStartIndex + 1}] mapping set to strict, dynamic introduction of [{name}] within [{(parentPath.Length == 0 ? "_doc" : parentPath)}] is not allowed");
            case "false" or "runtime":
                reader.Skip();
                return false;
            default:
                return true;
        }
    }

    private void AddField(Dictionary<string, FieldMapping> parent, string name, FieldMapping field)
    {
        parent[name] = field;
        _added.Add((parent, name));
    }

    private void ParseValue(ref Utf8JsonReader reader, FieldMapping field, string dynamic)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartArray:
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    ParseValue(ref reader, field, dynamic);
                }

                return;
            case JsonTokenType.Null:
                return;
            case JsonTokenType.StartObject when field.IsObject:
                ParseObject(ref reader, field, field.Dynamic ?? dynamic);
                return;
            case JsonTokenType.StartObject when field.Type is "flattened" or "geo_point" or "binary" or "sparse_vector" or "rank_features"
                or "geo_shape" or "histogram" or "aggregate_metric_double" || field.Type.EndsWith("_range", StringComparison.Ordinal):
                reader.Skip();
                return;
            case JsonTokenType.StartObject:
                throw Failed(reader, $"failed to parse field [{field.Path}] of type [{field.Type}] in document with id '{_id}'. Preview of field's value: '{{...}}'");
            default:
                if (field.IsObject)
                {
                    var name = field.Path[(field.Path.LastIndexOf('.') + 1)..];
                    throw Failed(reader, $"object mapping for [{field.Path}] tried to parse field [{name}] as object, but found a concrete value");
                }

                CheckScalar(ref reader, field);
                return;
        }
    }

    private static string Join(string parent, string name) => parent.Length == 0 ? name : $"{parent}.{name}";

    private static bool IsMetadataField(ReadOnlySpan<char> name) => name is "_id" or "_index" or "_source" or "_routing" or "_version"
        or "_seq_no" or "_primary_term" or "_field_names" or "_ignored" or "_tier" or "_data_stream_timestamp";

    private static EmulatorException Failed(in Utf8JsonReader reader, string reason) =>
        new(400, "document_parsing_exception", $"[1:{reader.TokenStartIndex + 1}] {reason}");

    private static string Preview(in Utf8JsonReader reader) => reader.TokenType == JsonTokenType.String
        ? reader.GetString()!
        : Encoding.UTF8.GetString(reader.ValueSpan);
}

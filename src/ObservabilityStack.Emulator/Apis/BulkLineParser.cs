using System.Buffers;
using System.Text.Json;

namespace ObservabilityStack.Emulator.Apis;

/// <summary>Parses bulk action lines with <see cref="Utf8JsonReader"/>, with Elasticsearch's error messages.</summary>
internal static class BulkLineParser
{
    public static BulkAction ParseAction(ReadOnlySequence<byte> line, int lineNumber, IndexNameCache? names = null)
    {
        var reader = new Utf8JsonReader(line);
        try
        {
            Expect(ref reader, JsonTokenType.StartObject, lineNumber, "START_OBJECT");
            Expect(ref reader, JsonTokenType.PropertyName, lineNumber, "FIELD_NAME");
            // Known names are matched as UTF-8: no string per line for the common case.
            var action = reader.ValueTextEquals("create"u8) ? "create"
                : reader.ValueTextEquals("index"u8) ? "index"
                : reader.ValueTextEquals("update"u8) ? "update"
                : reader.ValueTextEquals("delete"u8) ? "delete"
                : reader.GetString()!;
            if (action is not ("index" or "create" or "update" or "delete"))
            {
                throw EmulatorException.IllegalArgument(
                    $"Malformed action/metadata line [{lineNumber}], expected field [create], [delete], [index] or [update] but found [{action}]");
            }

            Expect(ref reader, JsonTokenType.StartObject, lineNumber, "START_OBJECT");
            var result = new BulkAction { Action = action };
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.ValueTextEquals("_index"u8) ? "_index" : reader.ValueTextEquals("_id"u8) ? "_id" : reader.GetString();
                reader.Read();
                switch (name)
                {
                    case "_index":
                        result.Index = names is null ? reader.GetString() : names.Get(ref reader);
                        break;
                    case "_id":
                        result.Id = reader.TokenType == JsonTokenType.Number ? reader.GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture) : reader.GetString();
                        break;
                    case "op_type":
                        result.OpType = reader.GetString();
                        break;
                    case "if_seq_no":
                        result.IfSeqNo = reader.GetInt64();
                        break;
                    case "if_primary_term":
                        result.IfPrimaryTerm = reader.GetInt64();
                        break;
                    case "require_alias":
                        result.RequireAlias = reader.GetBoolean();
                        break;
                    case "pipeline":
                        result.Pipeline = reader.GetString();
                        break;
                    case "routing" or "retry_on_conflict" or "version" or "version_type" or "_source" or "list_executed_pipelines" or "require_data_stream" or "dynamic_templates":
                        reader.Skip();
                        break;
                    default:
                        throw EmulatorException.IllegalArgument($"Action/metadata line [{lineNumber}] contains an unknown parameter [{name}]");
                }
            }

            return result;
        }
        catch (JsonException e)
        {
            throw new EmulatorException(400, "x_content_parse_exception", $"[{lineNumber}:{e.BytePositionInLine}] Malformed action/metadata line [{lineNumber}]: {e.Message}");
        }
        catch (InvalidOperationException e)
        {
            throw EmulatorException.IllegalArgument($"Malformed action/metadata line [{lineNumber}]: {e.Message}");
        }
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type, int lineNumber, string expected)
    {
        if (!reader.Read() || reader.TokenType != type)
        {
            var found = reader.TokenType switch
            {
                JsonTokenType.EndObject => "END_OBJECT",
                JsonTokenType.StartArray => "START_ARRAY",
                JsonTokenType.String => "VALUE_STRING",
                JsonTokenType.None => "null",
                _ => reader.TokenType.ToString().ToUpperInvariant(),
            };
            throw EmulatorException.IllegalArgument(
                $"Malformed action/metadata line [{lineNumber}], expected {expected} but found [{found}]");
        }
    }
}

using System.Text.Json;

namespace ObservabilityStack.Emulator.Search.Fields;

/// <summary>
/// The conversions from raw JSON values to keyword strings and numbers. Evaluation from <c>_source</c> and the
/// column builders both call these, so a column holds exactly what evaluation would compute.
/// </summary>
internal static class FieldValues
{
    /// <summary>Adds each value as the string Elasticsearch would index for a keyword (objects are skipped).</summary>
    public static void AddStrings(List<JsonElement> elements, List<string> output, StringPool pool)
    {
        foreach (var element in elements)
        {
            if (element.ValueKind == JsonValueKind.String)
            {
                output.Add(pool.Get(element));
            }
            else if (ResolvedField.AsString(element) is { } text)
            {
                output.Add(text);
            }
        }
    }

    /// <summary>Adds each value that reads as a number under the field's kind.</summary>
    public static void AddNumbers(ResolvedField field, List<JsonElement> elements, List<double> output)
    {
        foreach (var element in elements)
        {
            if (field.TryNumber(element, out var number))
            {
                output.Add(number);
            }
        }
    }
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ObservabilityStack.Conformance.Assertions;

/// <summary>
/// Deep equality as the upstream runner applies it: objects by key set and values, lists element-wise,
/// numbers by value (1 equals 1.0), everything else by kind and value.
/// </summary>
public static class JsonComparer
{
    /// <summary>True when <paramref name="actual"/> deeply equals <paramref name="expected"/>.</summary>
    public static bool DeepEquals(JsonNode? actual, JsonNode? expected)
    {
        if (actual is null || expected is null)
        {
            return actual is null && expected is null;
        }

        switch (expected)
        {
            case JsonObject expectedObject:
                return actual is JsonObject actualObject
                    && actualObject.Count == expectedObject.Count
                    && expectedObject.All(e => actualObject.TryGetPropertyValue(e.Key, out var a) && DeepEquals(a, e.Value));
            case JsonArray expectedArray:
                return actual is JsonArray actualArray
                    && actualArray.Count == expectedArray.Count
                    && expectedArray.Select((e, i) => DeepEquals(actualArray[i], e)).All(x => x);
        }

        if (actual is not JsonValue actualValue || expected is not JsonValue expectedValue)
        {
            return false;
        }

        var kind = expectedValue.GetValueKind();
        if (kind == JsonValueKind.Number && actualValue.GetValueKind() == JsonValueKind.Number)
        {
            return NumbersEqual(actualValue, expectedValue);
        }

        return kind == actualValue.GetValueKind() && JsonNode.DeepEquals(actualValue, expectedValue);
    }

    /// <summary>Reads a JSON number (or a numeric string) as a double.</summary>
    public static bool TryGetNumber(JsonNode? node, out double number)
    {
        number = 0;
        if (node is not JsonValue value)
        {
            return false;
        }

        return value.GetValueKind() switch
        {
            JsonValueKind.Number => double.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out number),
            JsonValueKind.String => double.TryParse(value.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture, out number),
            _ => false,
        };
    }

    private static bool NumbersEqual(JsonValue actual, JsonValue expected)
    {
        var a = actual.ToJsonString();
        var e = expected.ToJsonString();
        if (a == e)
        {
            return true;
        }

        // decimal keeps long precision; double covers exponents and huge values.
        if (decimal.TryParse(a, NumberStyles.Float, CultureInfo.InvariantCulture, out var da)
            && decimal.TryParse(e, NumberStyles.Float, CultureInfo.InvariantCulture, out var de))
        {
            return da == de;
        }

        return TryGetNumber(actual, out var xa) && TryGetNumber(expected, out var xe) && xa.Equals(xe);
    }
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ObservabilityStack.Conformance.Execution;

namespace ObservabilityStack.Conformance.Assertions;

/// <summary>The value assertions: match, length, contains, close_to, is_after and the numeric orderings.</summary>
public static class Comparisons
{
    /// <summary><c>match</c>: regex for <c>/.../</c> strings, deep equality otherwise.</summary>
    public static void Match(string path, JsonNode? body, JsonNode? expected, Stash stash)
    {
        var found = ObjectPath.TryEvaluate(body, path, stash, out var actual);
        if (RegexMatch.IsRegex(expected, out var pattern) && pattern.Length > 0)
        {
            if (actual is not JsonValue text || text.GetValueKind() != JsonValueKind.String)
            {
                throw new StepFailedException($"match {path}: expected a string matching /{JsonText.Truncate(pattern, 150)}/ but got {(found ? JsonText.Brief(actual) : "nothing")}");
            }

            if (!RegexMatch.Matches(pattern, text.GetValue<string>(), comments: true))
            {
                throw new StepFailedException($"match {path}: {JsonText.Brief(actual)} does not match /{JsonText.Truncate(pattern, 150)}/");
            }

            return;
        }

        if (!found && expected is not null)
        {
            throw new StepFailedException($"match {path}: expected {JsonText.Brief(expected)} but the path is absent in {JsonText.Brief(body, 200)}");
        }

        if (!JsonComparer.DeepEquals(actual, expected))
        {
            throw new StepFailedException($"match {path}: expected {JsonText.Brief(expected)} but got {JsonText.Brief(actual)}");
        }
    }

    /// <summary><c>length</c>: list size, object key count or string length.</summary>
    public static void Length(string path, JsonNode? actual, JsonNode? expected)
    {
        var size = actual switch
        {
            JsonArray a => a.Count,
            JsonObject o => o.Count,
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>().Length,
            _ => throw new StepFailedException($"length {path}: {JsonText.Brief(actual)} has no length"),
        };
        if (!JsonComparer.TryGetNumber(expected, out var wanted) || size != wanted)
        {
            throw new StepFailedException($"length {path}: expected {JsonText.Brief(expected)} but got {size}");
        }
    }

    /// <summary><c>contains</c>: a list holds an equal element (a map element holding the expected entries), or a string holds a substring.</summary>
    public static void Contains(string path, JsonNode? actual, JsonNode? expected)
    {
        var holds = actual switch
        {
            JsonArray list => list.Any(item => Includes(item, expected)),
            JsonValue v when v.GetValueKind() == JsonValueKind.String =>
                v.GetValue<string>().Contains(JsonText.Scalar(expected), StringComparison.Ordinal),
            _ => false,
        };
        if (!holds)
        {
            throw new StepFailedException($"contains {path}: {JsonText.Brief(actual)} does not contain {JsonText.Brief(expected)}");
        }
    }

    /// <summary><c>close_to</c>: <c>{value, error}</c>.</summary>
    public static void CloseTo(string path, JsonNode? actual, JsonNode? expected)
    {
        if (!JsonComparer.TryGetNumber(expected.Prop("value"), out var value) || !JsonComparer.TryGetNumber(expected.Prop("error"), out var error))
        {
            throw new StepFailedException($"close_to {path}: needs {{value, error}} but got {JsonText.Brief(expected)}");
        }

        if (!JsonComparer.TryGetNumber(actual, out var number) || Math.Abs(number - value) > error)
        {
            throw new StepFailedException($"close_to {path}: expected {value} ± {error} but got {JsonText.Brief(actual)}");
        }
    }

    /// <summary><c>is_after</c>: the actual timestamp is later than the expected one.</summary>
    public static void IsAfter(string path, JsonNode? actual, JsonNode? expected)
    {
        if (!DateTimeOffset.TryParse(JsonText.Scalar(actual), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var a)
            || !DateTimeOffset.TryParse(JsonText.Scalar(expected), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var e)
            || a <= e)
        {
            throw new StepFailedException($"is_after {path}: {JsonText.Brief(actual)} is not after {JsonText.Brief(expected)}");
        }
    }

    /// <summary><c>gt</c>, <c>gte</c>, <c>lt</c>, <c>lte</c> on numbers (or strings compared ordinally).</summary>
    public static void Order(string kind, string path, JsonNode? actual, JsonNode? expected)
    {
        int comparison;
        if (JsonComparer.TryGetNumber(actual, out var a) && JsonComparer.TryGetNumber(expected, out var e))
        {
            comparison = a.CompareTo(e);
        }
        else if (actual is JsonValue && expected is JsonValue)
        {
            comparison = string.CompareOrdinal(JsonText.Scalar(actual), JsonText.Scalar(expected));
        }
        else
        {
            throw new StepFailedException($"{kind} {path}: cannot compare {JsonText.Brief(actual)} with {JsonText.Brief(expected)}");
        }

        var holds = kind switch
        {
            "gt" => comparison > 0,
            "gte" => comparison >= 0,
            "lt" => comparison < 0,
            "lte" => comparison <= 0,
            _ => throw new StepFailedException($"unknown comparison '{kind}'"),
        };
        if (!holds)
        {
            throw new StepFailedException($"{kind} {path}: {JsonText.Brief(actual)} is not {kind} {JsonText.Brief(expected)}");
        }
    }

    private static bool Includes(JsonNode? item, JsonNode? expected)
    {
        if (expected is JsonObject wanted && item is JsonObject candidate)
        {
            return wanted.All(w => candidate.TryGetPropertyValue(w.Key, out var v) && JsonComparer.DeepEquals(v, w.Value));
        }

        return JsonComparer.DeepEquals(item, expected);
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using ObservabilityStack.Conformance.Execution;

namespace ObservabilityStack.Conformance.Assertions;

/// <summary>Executes the assertion and stash steps against the last response.</summary>
public static class AssertionRunner
{
    /// <summary>Step names this class handles.</summary>
    public static readonly IReadOnlySet<string> Handled = new HashSet<string>(StringComparer.Ordinal)
    {
        "match", "length", "is_true", "is_false", "gt", "gte", "lt", "lte", "contains", "close_to",
        "exists", "not_exists", "is_after", "set", "transform_and_set",
    };

    /// <summary>Runs one step; throws <see cref="StepFailedException"/> when it does not hold.</summary>
    public static void Run(string kind, JsonNode? argument, Stash stash)
    {
        var body = stash.LastResponse?.Body;
        switch (kind)
        {
            case "is_true":
            case "is_false":
            case "exists":
            case "not_exists":
                CheckPresence(kind, JsonText.Scalar(argument), body, stash);
                return;
            case "transform_and_set":
                StashTransforms.Run(Pairs(kind, argument), body, stash);
                return;
        }

        foreach (var (path, expectedRaw) in Pairs(kind, argument))
        {
            if (kind == "set")
            {
                stash.Set(JsonText.Scalar(expectedRaw), ObjectPath.Evaluate(body, path, stash));
                continue;
            }

            var expected = stash.Replace(expectedRaw);
            if (kind == "match")
            {
                Comparisons.Match(path, body, expected, stash);
                continue;
            }

            Action<string, JsonNode?, JsonNode?> check = kind switch
            {
                "length" => Comparisons.Length,
                "contains" => Comparisons.Contains,
                "close_to" => Comparisons.CloseTo,
                "is_after" => Comparisons.IsAfter,
                _ => (p, a, e) => Comparisons.Order(kind, p, a, e),
            };
            check(path, ObjectPath.Evaluate(body, path, stash), expected);
        }
    }

    private static IEnumerable<KeyValuePair<string, JsonNode?>> Pairs(string kind, JsonNode? argument) =>
        argument as JsonObject ?? throw new StepFailedException($"'{kind}' needs a mapping of path to value");

    private static void CheckPresence(string kind, string path, JsonNode? body, Stash stash)
    {
        var found = ObjectPath.TryEvaluate(body, path, stash, out var value);
        var shown = path.Length == 0 ? "$body" : path;
        switch (kind)
        {
            case "exists" when !found || value is null:
                throw new StepFailedException($"expected '{shown}' to exist in {JsonText.Brief(body, 200)}");
            case "not_exists" when found && value is not null:
                throw new StepFailedException($"expected '{shown}' not to exist but it is {JsonText.Brief(value)}");
            case "is_true" when !found || IsFalsy(value):
                throw new StepFailedException($"expected '{shown}' to be true but it is {(found ? JsonText.Brief(value) : "absent")}");
            case "is_false" when found && !IsFalsy(value):
                throw new StepFailedException($"expected '{shown}' to be false but it is {JsonText.Brief(value)}");
        }
    }

    /// <summary>Upstream's falsy values: null, false, "false", "", 0.</summary>
    private static bool IsFalsy(JsonNode? value)
    {
        if (value is not JsonValue scalar)
        {
            return value is null;
        }

        return scalar.GetValueKind() switch
        {
            JsonValueKind.Null or JsonValueKind.False => true,
            JsonValueKind.String => scalar.GetValue<string>() is "" or "false",
            JsonValueKind.Number => JsonComparer.TryGetNumber(scalar, out var n) && n == 0,
            _ => false,
        };
    }
}

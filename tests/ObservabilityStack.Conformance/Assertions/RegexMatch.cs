using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ObservabilityStack.Conformance.Execution;

namespace ObservabilityStack.Conformance.Assertions;

/// <summary>
/// The <c>/regex/</c> convention: a string expected value enclosed in slashes is a pattern, found anywhere in the text
/// (Java <c>find()</c> semantics).
/// </summary>
public static class RegexMatch
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(5);

    /// <summary>True when <paramref name="expected"/> is a <c>/.../</c> string; returns the inner pattern.</summary>
    public static bool IsRegex(JsonNode? expected, out string pattern)
    {
        pattern = string.Empty;
        if (expected is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
        {
            return false;
        }

        return IsRegex(value.GetValue<string>(), out pattern);
    }

    /// <summary>True when <paramref name="text"/> is a <c>/.../</c> string; returns the inner pattern.</summary>
    public static bool IsRegex(string text, out string pattern)
    {
        var trimmed = text.Trim();
        pattern = string.Empty;
        if (trimmed.Length < 2 || trimmed[0] != '/' || trimmed[^1] != '/')
        {
            return false;
        }

        pattern = trimmed[1..^1];
        return true;
    }

    /// <summary>True when the pattern occurs in <paramref name="text"/>; a bad pattern fails the step.</summary>
    /// <param name="pattern">The pattern without slashes.</param>
    /// <param name="text">Text searched.</param>
    /// <param name="comments">Java's COMMENTS flag (used by <c>match</c>, not by <c>catch</c>).</param>
    public static bool Matches(string pattern, string text, bool comments)
    {
        var options = RegexOptions.CultureInvariant | (comments ? RegexOptions.IgnorePatternWhitespace : RegexOptions.None);
        try
        {
            return Regex.IsMatch(text, pattern, options, MatchTimeout);
        }
        catch (ArgumentException e)
        {
            throw new StepFailedException($"invalid regex /{pattern}/: {e.Message}", e);
        }
    }
}

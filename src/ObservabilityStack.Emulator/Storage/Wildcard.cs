namespace ObservabilityStack.Emulator.Storage;

/// <summary>Simple wildcard matching where <c>*</c> matches any run of characters (index patterns, dynamic templates).</summary>
internal static class Wildcard
{
    public static bool Matches(string pattern, string value)
    {
        if (!pattern.Contains('*', StringComparison.Ordinal))
        {
            return string.Equals(pattern, value, StringComparison.Ordinal);
        }

        var parts = pattern.Split('*');
        if (!value.StartsWith(parts[0], StringComparison.Ordinal))
        {
            return false;
        }

        var position = parts[0].Length;
        for (var i = 1; i < parts.Length - 1; i++)
        {
            var found = value.IndexOf(parts[i], position, StringComparison.Ordinal);
            if (found < 0)
            {
                return false;
            }

            position = found + parts[i].Length;
        }

        var last = parts[^1];
        return value.Length - position >= last.Length && value.EndsWith(last, StringComparison.Ordinal);
    }
}

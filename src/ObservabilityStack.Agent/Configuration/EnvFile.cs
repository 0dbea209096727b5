namespace ObservabilityStack.Agent.Configuration;

/// <summary>
/// Reads an <c>.env</c>-style file: <c>KEY=VALUE</c> lines, optional <c>export</c>, <c>#</c> comments,
/// single or double quotes. Keeps each key's line number so errors can point at it.
/// </summary>
internal static class EnvFile
{
    public static Dictionary<string, (string Value, int Line)> Parse(string path, List<string> errors)
    {
        var name = Path.GetFileName(path);
        var values = new Dictionary<string, (string, int)>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var raw in File.ReadLines(path))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            if (line.StartsWith("export ", StringComparison.Ordinal))
            {
                line = line[7..].TrimStart();
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                errors.Add($"{name}:{lineNumber}: expected KEY=VALUE, found '{Shorten(line)}'");
                continue;
            }

            var key = line[..equals].Trim();
            var value = Unquote(line[(equals + 1)..].Trim());
            if (value is null)
            {
                errors.Add($"{name}:{lineNumber}: {key}: the closing quote is missing");
                continue;
            }

            if (values.TryGetValue(key, out var first))
            {
                errors.Add($"{name}:{lineNumber}: {key} is set twice (first on line {first.Item2})");
                continue;
            }

            values[key] = (value, lineNumber);
        }

        return values;
    }

    private static string? Unquote(string value)
    {
        if (value.Length > 0 && (value[0] == '"' || value[0] == '\''))
        {
            var close = value.IndexOf(value[0], 1);
            return close < 0 ? null : value[1..close];
        }

        // Unquoted values end at a comment that follows whitespace, as in shells.
        var comment = value.IndexOf(" #", StringComparison.Ordinal);
        return comment >= 0 ? value[..comment].TrimEnd() : value;
    }

    private static string Shorten(string line) => line.Length > 40 ? line[..40] + "..." : line;
}

using System.Text;

namespace ObservabilityStack.Conformance.Yaml;

/// <summary>
/// Leniency upstream's SnakeYAML has and YamlDotNet lacks: a multi-line double-quoted scalar whose continuation
/// lines are not indented past their parent (e.g. a long <c>allowed_warnings</c> entry). Such lines are joined
/// with one space, which is exactly how YAML folds them.
/// </summary>
public static class YamlRepair
{
    /// <summary>Joins the continuation lines of double-quoted scalars left open at a line end.</summary>
    public static string JoinOpenDoubleQuotedLines(string yaml)
    {
        var output = new StringBuilder(yaml.Length);
        var pending = new StringBuilder();
        foreach (var line in yaml.Split('\n'))
        {
            if (pending.Length > 0)
            {
                pending.Append(' ').Append(line.Trim());
                if (UnescapedQuotes(line) % 2 == 1)
                {
                    output.Append(pending).Append('\n');
                    pending.Clear();
                }

                continue;
            }

            if (UnescapedQuotes(line) % 2 == 1 && !line.TrimStart().StartsWith('#'))
            {
                pending.Append(line.TrimEnd());
                continue;
            }

            output.Append(line).Append('\n');
        }

        output.Append(pending);
        return output.ToString(0, Math.Max(0, output.Length - (yaml.EndsWith('\n') || pending.Length > 0 ? 0 : 1)));
    }

    private static int UnescapedQuotes(string line)
    {
        var count = 0;
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '\\')
            {
                i++;
            }
            else if (line[i] == '"')
            {
                count++;
            }
        }

        return count;
    }
}

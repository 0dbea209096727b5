using System.Text;
using ObservabilityStack.Alerting.Evaluation;

namespace ObservabilityStack.Alerting.Notifications;

/// <summary>Builds Kibana Discover links (rison-encoded app state) for a query and time range.</summary>
public static class KibanaLinks
{
    /// <summary>A Discover URL showing <paramref name="kql"/> over <c>[from, to)</c>; null without a base URL.</summary>
    public static string? Discover(Uri? kibana, string kql, DateTimeOffset from, DateTimeOffset to)
    {
        if (kibana is null)
        {
            return null;
        }

        var g = $"(time:(from:{Rison(EvaluationRange.Format(from))},to:{Rison(EvaluationRange.Format(to))}))";
        var a = $"(query:(language:kuery,query:{Rison(kql)}))";
        return $"{kibana.ToString().TrimEnd('/')}/app/discover#/?_g={Uri.EscapeDataString(g)}&_a={Uri.EscapeDataString(a)}";
    }

    /// <summary>Rison string literal: single quotes, with <c>!</c> escaping <c>'</c> and <c>!</c>.</summary>
    internal static string Rison(string value)
    {
        var sb = new StringBuilder(value.Length + 2).Append('\'');
        foreach (var c in value)
        {
            if (c is '\'' or '!')
            {
                sb.Append('!');
            }

            sb.Append(c);
        }

        return sb.Append('\'').ToString();
    }
}

using System.Net;
using System.Text;
using ObservabilityStack.Alerting.Evaluation;
using ObservabilityStack.Alerting.State;

namespace ObservabilityStack.Alerting.Notifications;

/// <summary>
/// Renders one notification: what (rule and measure), where (group), since when, value against the
/// threshold, a table of the top groups, top client IPs/paths, sample log lines and a Discover link.
/// </summary>
public static class DigestRenderer
{
    /// <summary>Renders the notification; <paramref name="kibana"/> (optional) is the Kibana base URL.</summary>
    public static AlertDigest Render(AlertNotification n, Uri? kibana)
    {
        var rule = n.Rule;
        var where = n.State.Group;
        var measure = AlertWording.Measure(rule, n.Group?.Fields);
        var value = AlertWording.Value(rule, n.Group?.Value ?? n.State.LastValue);
        var label = AlertWording.Label(n.Kind, rule.Severity);
        var self = rule.Name == Jobs.SelfMonitor.RuleName;
        var headline = self ? n.Detail ?? "alert engine degraded" : $"{where} {measure} {value}";
        var subject = self
            ? $"[{label}] {headline}"
            : $"[{label}] {where}: {measure} {value} over {AlertWording.Duration(rule.Window)} ({AlertWording.Threshold(rule)})";

        var facts = new List<(string Name, string Value)>
        {
            ("What", $"{rule.Name}{(rule.Description is null ? "" : $" — {rule.Description}")}"),
            ("Where", where),
            ("Value", self ? "-" : $"{value} over {AlertWording.Duration(rule.Window)} ({AlertWording.Threshold(rule)})"),
        };
        if (n.State.FiringSince is { } since)
        {
            facts.Add(("Since", $"{since:yyyy-MM-dd HH:mm:ss} UTC ({AlertWording.Ago(since, n.At)})"));
        }

        if (n.Kind == NotificationKind.Resolved && n.State.ResolvedAt is { } resolved)
        {
            facts.Add(("Resolved", $"{resolved:yyyy-MM-dd HH:mm:ss} UTC"));
        }

        if (n.Group is { Total: > 0 } g && g.Total != g.Matched)
        {
            facts.Add(("Matched", $"{g.Matched} of {g.Total} events"));
        }

        if (n.Detail is not null)
        {
            facts.Add(("Detail", n.Detail));
        }

        facts.Add(("Severity", AlertWording.Name(rule.Severity)));
        facts.Add(("Alert id", n.State.Id));
        var link = Link(n, kibana);
        var tables = Tables(n);
        return new AlertDigest
        {
            Kind = n.Kind,
            Severity = rule.Severity,
            Rule = rule.Name,
            Group = where,
            Subject = subject,
            Headline = headline,
            Text = RenderText(subject, facts, tables, n.Group?.Samples ?? [], link),
            Html = RenderHtml(subject, n.Kind, facts, tables, n.Group?.Samples ?? [], link),
        };
    }

    private static string? Link(AlertNotification n, Uri? kibana)
    {
        if (n.Evaluation is not { } e)
        {
            return null;
        }

        var from = n.State.FiringSince is { } s && s - n.Rule.Window < e.Range.From ? s - n.Rule.Window : e.Range.From;
        return KibanaLinks.Discover(kibana, e.Query.KqlFilter, from, e.Range.To);
    }

    private static List<(string Title, string[] Header, List<string[]> Rows)> Tables(AlertNotification n)
    {
        var tables = new List<(string, string[], List<string[]>)>();
        if (n.Evaluation is { Groups.Count: > 0 } e && n.Kind != NotificationKind.SelfAlert)
        {
            tables.Add(("Top groups", ["Group", "Value", "Matched", "Total"], e.Groups.Take(n.Rule.TopN)
                .Select(g => new[] { g.Key, AlertWording.Value(n.Rule, g.Value), g.Matched.ToString(System.Globalization.CultureInfo.InvariantCulture), g.Total.ToString(System.Globalization.CultureInfo.InvariantCulture) })
                .ToList()));
        }

        foreach (var (field, items) in n.Group?.Top ?? new Dictionary<string, IReadOnlyList<TopItem>>())
        {
            if (items.Count > 0)
            {
                tables.Add(($"Top {field}", [field, "Count"], items.Select(i => new[] { i.Value, i.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) }).ToList()));
            }
        }

        return tables;
    }

    private static string RenderText(string subject, List<(string Name, string Value)> facts,
        List<(string Title, string[] Header, List<string[]> Rows)> tables, IReadOnlyList<string> samples, string? link)
    {
        var sb = new StringBuilder().AppendLine(subject).AppendLine();
        foreach (var (name, value) in facts)
        {
            sb.Append(name).Append(": ").AppendLine(value);
        }

        foreach (var (title, header, rows) in tables)
        {
            sb.AppendLine().AppendLine(title + ":").AppendLine("  " + string.Join(" | ", header));
            foreach (var row in rows)
            {
                sb.AppendLine("  " + string.Join(" | ", row));
            }
        }

        if (samples.Count > 0)
        {
            sb.AppendLine().AppendLine("Sample log lines:");
            foreach (var line in samples)
            {
                sb.Append("  ").AppendLine(line);
            }
        }

        if (link is not null)
        {
            sb.AppendLine().Append("Open in Kibana Discover: ").AppendLine(link);
        }

        return sb.ToString();
    }

    private static string RenderHtml(string subject, NotificationKind kind, List<(string Name, string Value)> facts,
        List<(string Title, string[] Header, List<string[]> Rows)> tables, IReadOnlyList<string> samples, string? link)
    {
        static string E(string s) => WebUtility.HtmlEncode(s);
        var color = kind == NotificationKind.Resolved ? "#2e7d32" : kind == NotificationKind.SelfAlert ? "#6a1b9a" : "#c62828";
        var sb = new StringBuilder();
        sb.Append("<div style=\"margin:0 0 24px 0\"><h2 style=\"color:").Append(color).Append(";font-size:18px\">").Append(E(subject)).Append("</h2>");
        sb.Append("<table style=\"border-collapse:collapse\">");
        foreach (var (name, value) in facts)
        {
            sb.Append("<tr><th style=\"text-align:left;padding:2px 12px 2px 0\">").Append(E(name)).Append("</th><td>").Append(E(value)).Append("</td></tr>");
        }

        sb.Append("</table>");
        foreach (var (title, header, rows) in tables)
        {
            sb.Append("<h3 style=\"font-size:14px\">").Append(E(title)).Append("</h3><table style=\"border-collapse:collapse\" border=\"1\" cellpadding=\"4\"><tr>");
            foreach (var h in header)
            {
                sb.Append("<th>").Append(E(h)).Append("</th>");
            }

            sb.Append("</tr>");
            foreach (var row in rows)
            {
                sb.Append("<tr>");
                foreach (var cell in row)
                {
                    sb.Append("<td>").Append(E(cell)).Append("</td>");
                }

                sb.Append("</tr>");
            }

            sb.Append("</table>");
        }

        if (samples.Count > 0)
        {
            sb.Append("<h3 style=\"font-size:14px\">Sample log lines</h3><pre style=\"background:#f5f5f5;padding:8px\">");
            foreach (var line in samples)
            {
                sb.Append(E(line)).Append('\n');
            }

            sb.Append("</pre>");
        }

        if (link is not null)
        {
            sb.Append("<p><a href=\"").Append(E(link)).Append("\">Open in Kibana Discover</a></p>");
        }

        return sb.Append("</div>").ToString();
    }
}

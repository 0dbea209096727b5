using System.Security.Cryptography;
using System.Text;
using ObservabilityStack.Alerting.State;

namespace ObservabilityStack.Alerting.Notifications;

/// <summary>Combines the digests waiting for one recipient into one email.</summary>
public static class EmailComposer
{
    /// <summary>One digest keeps its own subject; several get a summary subject and a list at the top.</summary>
    public static EmailMessage Compose(IReadOnlyList<AlertDigest> digests, string from, string to, IEnumerable<string> ids)
    {
        var id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(to + "|" + string.Join(",", ids.Order(StringComparer.Ordinal)))))[..32];
        if (digests.Count == 1)
        {
            return new EmailMessage { Id = id, From = from, To = [to], Subject = digests[0].Subject, Text = digests[0].Text, Html = Wrap(digests[0].Html) };
        }

        var ordered = digests.OrderByDescending(d => d.Kind != NotificationKind.Resolved).ThenByDescending(d => d.Severity).ToList();
        var firing = ordered.Count(d => d.Kind != NotificationKind.Resolved);
        var top = ordered[0];
        var label = firing > 0 ? AlertWording.Label(top.Kind, top.Severity) : "RESOLVED";
        var subject = $"[{label}] {digests.Count} alerts: {string.Join("; ", ordered.Take(3).Select(d => d.Headline))}{(digests.Count > 3 ? "; …" : "")}";
        var text = new StringBuilder().AppendLine(subject).AppendLine();
        foreach (var d in ordered)
        {
            text.Append("- ").AppendLine(d.Subject);
        }

        var html = new StringBuilder("<ul>");
        foreach (var d in ordered)
        {
            html.Append("<li>").Append(System.Net.WebUtility.HtmlEncode(d.Subject)).Append("</li>");
        }

        html.Append("</ul>");
        foreach (var d in ordered)
        {
            text.AppendLine().AppendLine(new string('-', 60)).Append(d.Text);
            html.Append(d.Html);
        }

        return new EmailMessage { Id = id, From = from, To = [to], Subject = subject, Text = text.ToString(), Html = Wrap(html.ToString()) };
    }

    private static string Wrap(string body) =>
        "<!DOCTYPE html><html><body style=\"font-family:Segoe UI,Helvetica,Arial,sans-serif;font-size:13px\">" + body + "</body></html>";
}

using System.Globalization;
using System.Text.Json.Nodes;
using ObservabilityStack.Alerting.Evaluation;

namespace ObservabilityStack.Alerting.State;

/// <summary>
/// A history entry as the ECS document the Kibana Alerts dashboard reads: <c>event.action</c>
/// (<c>alert.firing</c>, <c>alert.resolved</c>, <c>alert.pending</c>, <c>alert.ok</c>, <c>alert.repeat</c>,
/// <c>alert.escalated</c>, <c>alert.self</c>), <c>labels.rule|group|severity|status|notification</c>,
/// <c>service.name</c>, a readable <c>message</c>, and the numbers under <c>attributes</c>.
/// </summary>
internal static class HistoryDocument
{
    public static JsonObject From(AlertHistoryEntry entry)
    {
        var status = Lower(entry.Status.ToString());
        var action = entry.Notification switch
        {
            NotificationKind.Repeat => "alert.repeat",
            NotificationKind.Escalation => "alert.escalated",
            NotificationKind.SelfAlert => "alert.self",
            _ => "alert." + status,
        };
        var labels = new JsonObject
        {
            ["rule"] = entry.Rule,
            ["group"] = entry.Group,
            ["severity"] = Lower(entry.Severity.ToString()),
            ["status"] = status,
        };
        if (entry.Notification is { } notification)
        {
            labels["notification"] = Lower(notification.ToString());
        }

        if (entry.Instance is not null)
        {
            labels["instance"] = entry.Instance;
        }

        var value = entry.Value.ToString("0.##", CultureInfo.InvariantCulture);
        var threshold = entry.Threshold.ToString("0.##", CultureInfo.InvariantCulture);
        var document = new JsonObject
        {
            ["@timestamp"] = EvaluationRange.Format(entry.Timestamp),
            ["message"] = $"{entry.Rule} / {entry.Group}: {status}, value {value} (threshold {threshold})"
                + (entry.Notification is null ? "" : $", {Lower(entry.Notification.Value.ToString())} notification sent"),
            ["event"] = new JsonObject { ["action"] = action },
            ["labels"] = labels,
            ["attributes"] = new JsonObject { ["value"] = entry.Value, ["threshold"] = entry.Threshold },
        };
        if (entry.Service is not null)
        {
            document["service"] = new JsonObject { ["name"] = entry.Service };
        }

        return document;
    }

    private static string Lower(string text) => text.ToLowerInvariant();
}

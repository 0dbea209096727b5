using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using ObservabilityStack.Alerting.Jobs;
using ObservabilityStack.Alerting.Notifications;
using ObservabilityStack.Alerting.OnCall;
using ObservabilityStack.Alerting.Rules;

namespace ObservabilityStack.Alerting;

/// <summary>The /health answer: 200 when healthy, 503 with the reasons when degraded.</summary>
internal static class HealthReport
{
    public static Task Write(HttpContext context, IServiceProvider services)
    {
        var health = services.GetRequiredService<EngineHealth>();
        var rules = services.GetRequiredService<RuleSetProvider>();
        var self = services.GetRequiredService<SelfMonitor>();
        var problems = new List<string>();
        if (self.StoreAlertActive || health.ConsecutiveStoreFailures >= self.Threshold)
        {
            problems.Add($"elasticsearch: {health.ConsecutiveStoreFailures} failed runs in a row ({health.LastStoreError})");
        }

        if (self.MailAlertActive || health.ConsecutiveMailFailures >= self.Threshold)
        {
            problems.Add($"mail: {health.ConsecutiveMailFailures} failed deliveries in a row ({health.LastMailError})");
        }

        if (rules.LastErrors.Count > 0)
        {
            problems.Add($"rules: last reload rejected, running the previous rules ({rules.LastErrors.Count} errors)");
        }

        var body = new
        {
            status = problems.Count == 0 ? "healthy" : "degraded",
            problems,
            rules = rules.Current.Rules.Count,
            rule_errors = rules.LastErrors.Select(e => e.ToString()),
            rejected_reloads = rules.RejectedReloads,
            runs = health.Runs,
            failed_runs = health.FailedRuns,
            retries = health.Retries,
            skipped_runs = health.Misfires,
            conflicts = health.Conflicts,
            notifications = health.Notifications,
            mail_sent = health.MailSent,
            mail_failures = health.MailFailures,
            outbox_depth = services.GetRequiredService<DiskOutbox>().Depth,
            unroutable = services.GetRequiredService<NotificationDispatcher>().Unroutable + services.GetRequiredService<OnCallRouter>().Unroutable,
            history_failures = services.GetRequiredService<RuleRunner>().HistoryFailures,
            schedule_lag_p99_ms = health.LagPercentile(99),
        };
        context.Response.StatusCode = problems.Count == 0 ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
        return context.Response.WriteAsJsonAsync(body);
    }
}

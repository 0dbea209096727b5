using System.Text.Json.Nodes;
using ObservabilityStack.Alerting.Evaluation;
using ObservabilityStack.Alerting.Notifications;
using ObservabilityStack.Alerting.Rules;
using ObservabilityStack.Alerting.State;

namespace ObservabilityStack.Alerting.Tests.Support;

internal static class SomeNotification
{
    public static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    public static AlertNotification Firing5xx(NotificationKind kind = NotificationKind.Firing, string service = "shop-api", double value = 12.4)
    {
        var rule = SomeRule.Http5xx(threshold: 5);
        var group = new GroupResult
        {
            Key = service,
            Fields = new Dictionary<string, string> { ["service.name"] = service },
            Value = value,
            Matched = 124,
            Total = 1000,
            Top = new Dictionary<string, IReadOnlyList<TopItem>> { ["url.path"] = [new TopItem("/orders", 100)] },
            Samples = ["2026-11-21T11:59:58Z ERROR shop-api 503 /orders upstream <mes> timed out"],
        };
        var range = EvaluationRange.For(rule, Now);
        return new AlertNotification
        {
            Kind = kind,
            Rule = rule,
            State = AlertState.New(rule, service, service) with { Status = AlertStatus.Firing, FiringSince = Now.AddMinutes(-3), LastValue = value },
            Group = group,
            Evaluation = new RuleEvaluation { Rule = rule, At = Now, Range = range, Groups = [group], Query = RuleQueryBuilder.Build(rule, range) },
            At = Now,
        };
    }
}

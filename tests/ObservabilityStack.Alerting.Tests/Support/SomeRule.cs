using ObservabilityStack.Alerting.Rules;

namespace ObservabilityStack.Alerting.Tests.Support;

/// <summary>Builds rules for tests with sensible defaults.</summary>
internal static class SomeRule
{
    public static AlertRule Http5xx(string name = "api-5xx", double threshold = 5, params string[] services) => new()
    {
        Name = name,
        Type = RuleType.HttpStatus,
        Services = services.Length == 0 ? ["shop-api"] : services,
        Threshold = threshold,
        Window = TimeSpan.FromMinutes(5),
        Receivers = ["platform"],
        Severity = Severity.Critical,
    };

    public static AlertRule Of(RuleType type, string name = "rule", params string[] services) => new()
    {
        Name = name,
        Type = type,
        Services = services.Length == 0 ? ["shop-api"] : services,
        Window = TimeSpan.FromMinutes(5),
        Receivers = ["platform"],
        Condition = type == RuleType.Absence ? Comparison.Below : Comparison.Above,
        Threshold = type == RuleType.Absence ? 1 : 0,
    };
}

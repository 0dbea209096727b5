using Microsoft.Extensions.DependencyInjection;
using ObservabilityStack.Alerting.Rules;

namespace ObservabilityStack.Cli.Commands.Alerting;

/// <summary>Small readers over a running engine's services for CLI messages.</summary>
internal static class AlertingHostExtensions
{
    /// <summary>Rules in force.</summary>
    public static int GetRuleCount(this IServiceProvider services) => services.GetRequiredService<RuleSetProvider>().Current.Rules.Count;
}

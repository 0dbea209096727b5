namespace ObservabilityStack.Alerting.Rules;

/// <summary>Everything one rules file declares: rules, silences and maintenance windows.</summary>
public sealed class RuleSet
{
    /// <summary>An empty set (no rules).</summary>
    public static RuleSet Empty { get; } = new();

    /// <summary>The rules, in file order.</summary>
    public IReadOnlyList<AlertRule> Rules { get; init; } = [];

    /// <summary>One-off silences declared in the file.</summary>
    public IReadOnlyList<Silence> Silences { get; init; } = [];

    /// <summary>Recurring maintenance windows.</summary>
    public IReadOnlyList<MaintenanceWindow> MaintenanceWindows { get; init; } = [];

    /// <summary>Finds a rule by name, or null.</summary>
    public AlertRule? Find(string name) => Rules.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.Ordinal));
}

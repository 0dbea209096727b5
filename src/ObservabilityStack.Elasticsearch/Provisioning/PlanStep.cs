namespace ObservabilityStack.Elasticsearch.Provisioning;

/// <summary>One object in a <see cref="BootstrapPlan"/>.</summary>
public sealed class PlanStep
{
    private readonly Func<CancellationToken, Task<string?>>? _apply;

    /// <summary>Creates a step; <paramref name="apply"/> runs for Create/Update and may return a note (e.g. where a key went).</summary>
    public PlanStep(string kind, string name, PlanAction action, string detail, Func<CancellationToken, Task<string?>>? apply)
    {
        Kind = kind;
        Name = name;
        Action = action;
        Detail = detail;
        _apply = apply;
    }

    /// <summary>Object kind, e.g. <c>index template</c>.</summary>
    public string Kind { get; }

    /// <summary>Object name.</summary>
    public string Name { get; }

    /// <summary>What will happen.</summary>
    public PlanAction Action { get; }

    /// <summary>Why (e.g. "content changed", "security is off").</summary>
    public string Detail { get; }

    /// <summary>Set after applying: a note for the user (e.g. where an API key was written).</summary>
    public string? Outcome { get; private set; }

    /// <summary>True when applying this step changes the cluster.</summary>
    public bool IsChange => Action is PlanAction.Create or PlanAction.Update;

    internal async Task ApplyAsync(CancellationToken cancellationToken)
    {
        if (IsChange && _apply is not null)
        {
            Outcome = await _apply(cancellationToken).ConfigureAwait(false);
        }
    }
}

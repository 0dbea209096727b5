namespace ObservabilityStack.Alerting.Rules;

/// <summary>One problem found while loading a rules file: where it is and what is wrong.</summary>
/// <param name="File">Path of the file.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
/// <param name="Field">Path of the field, e.g. <c>rules[2].window</c>.</param>
/// <param name="Message">What is wrong and what is expected.</param>
public sealed record RuleError(string File, int Line, int Column, string Field, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => $"{File}:{Line}:{Column}: {Field}: {Message}";
}

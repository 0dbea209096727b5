using ObservabilityStack.Serilog.Redaction;

namespace ObservabilityStack.Serilog.Formatting;

/// <summary>Limits and redaction for <see cref="EcsJsonFormatter"/>.</summary>
public sealed class EcsFormatterOptions
{
    /// <summary>Deepest nesting of destructured objects written to <c>attributes</c>; deeper values become <c>"..."</c>. Default 5.</summary>
    public int MaxDepth { get; set; } = 5;

    /// <summary>Most elements written per sequence, dictionary or structure; the rest are cut. Default 100.</summary>
    public int MaxCollectionItems { get; set; } = 100;

    /// <summary>Longest string value (in characters) written; longer ones are truncated with <c>…</c>. Default 16384.</summary>
    public int MaxStringLength { get; set; } = 16 * 1024;

    /// <summary>What to mask. Default: masking on, with the built-in names and patterns.</summary>
    public RedactionOptions Redaction { get; set; } = new();
}

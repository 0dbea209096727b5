namespace ObservabilityStack.Conformance.Spec;

/// <summary>One URL template of an API with the methods it accepts and the parts it needs.</summary>
/// <param name="Template">e.g. <c>/{index}/_doc/{id}</c>.</param>
/// <param name="Methods">HTTP methods in spec order.</param>
/// <param name="Parts">Names of the <c>{part}</c> placeholders in the template.</param>
public sealed record ApiPath(string Template, IReadOnlyList<string> Methods, IReadOnlyList<string> Parts);

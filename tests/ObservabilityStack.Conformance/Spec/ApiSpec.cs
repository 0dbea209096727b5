namespace ObservabilityStack.Conformance.Spec;

/// <summary>What the runner needs to know about one REST API from its spec file.</summary>
/// <param name="Name">API name, e.g. <c>indices.create</c>.</param>
/// <param name="Paths">URL templates.</param>
/// <param name="Params">Query parameters the spec declares (without the common ones).</param>
/// <param name="BulkBody">True when the body is NDJSON (<c>"serialize": "bulk"</c>).</param>
public sealed record ApiSpec(string Name, IReadOnlyList<ApiPath> Paths, IReadOnlySet<string> Params, bool BulkBody)
{
    /// <summary>Every part name used by any path.</summary>
    public IEnumerable<string> AllParts => Paths.SelectMany(p => p.Parts).Distinct(StringComparer.Ordinal);
}

namespace ObservabilityStack.Conformance.Execution;

/// <summary>What this runner claims, for <c>test_runner_features</c> / <c>skip.features</c>.</summary>
public static class RunnerFeatures
{
    /// <summary>
    /// Runner features implemented here. Deliberately absent: <c>yaml</c> (YAML request/response bodies) and
    /// <c>spi_on_classpath</c> / <c>xpack</c>-style plugin checks; tests needing them are skipped.
    /// <c>warnings</c>/<c>allowed_warnings</c> are accepted without checking Warning headers (documented).
    /// </summary>
    public static readonly IReadOnlySet<string> Supported = new HashSet<string>(StringComparer.Ordinal)
    {
        "allowed_warnings", "allowed_warnings_regex", "arbitrary_key", "capabilities", "catch_unauthorized",
        "close_to", "contains", "default_shards", "embedded_stash_key", "headers", "is_after", "node_selector",
        "stash_in_key", "stash_in_path", "stash_path_replace", "transform_and_set", "warnings", "warnings_regex",
    };
}

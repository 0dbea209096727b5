using System.Text.Json.Nodes;

namespace ObservabilityStack.Conformance.Execution;

/// <summary>
/// Evaluates the leading <c>skip</c> / <c>requires</c> steps of a section: runner features, cluster features
/// (synthetic <c>gte_vX.Y.Z</c> from the cluster version, others only when declared), version ranges,
/// <c>known_issues</c>/<c>awaits_fix</c> and API capabilities.
/// </summary>
public sealed class Prerequisites
{
    private readonly ClusterVersion _version;
    private readonly IReadOnlySet<string> _clusterFeatures;
    private readonly Func<JsonObject, CancellationToken, Task<bool>> _capabilitySupported;

    /// <summary>Creates the evaluator.</summary>
    /// <param name="version">Version the cluster reports.</param>
    /// <param name="clusterFeatures">Non-synthetic cluster features the cluster is declared to have.</param>
    /// <param name="capabilitySupported">Asks the cluster whether one <c>capabilities</c> entry is supported.</param>
    public Prerequisites(ClusterVersion version, IReadOnlySet<string> clusterFeatures, Func<JsonObject, CancellationToken, Task<bool>> capabilitySupported)
    {
        _version = version;
        _clusterFeatures = clusterFeatures;
        _capabilitySupported = capabilitySupported;
    }

    /// <summary>True for a <c>skip</c> or <c>requires</c> step.</summary>
    public static bool IsPrerequisite(JsonObject step) => step.ContainsKey("skip") || step.ContainsKey("requires");

    /// <summary>Returns why the section must be skipped, or null to run it.</summary>
    public async Task<string?> SkipReasonAsync(IEnumerable<JsonObject> steps, CancellationToken cancellationToken = default)
    {
        foreach (var step in steps.TakeWhile(IsPrerequisite))
        {
            foreach (var (kind, node) in step)
            {
                var reason = kind == "requires"
                    ? await RequiresAsync(node as JsonObject ?? [], cancellationToken).ConfigureAwait(false)
                    : await SkipAsync(node as JsonObject ?? [], cancellationToken).ConfigureAwait(false);
                if (reason is not null)
                {
                    return reason;
                }
            }
        }

        return null;
    }

    /// <summary>True when the cluster has <paramref name="feature"/>.</summary>
    public bool HasClusterFeature(string feature)
    {
        if (feature.StartsWith("gte_v", StringComparison.Ordinal) && ClusterVersion.TryParse(feature[5..], out var minimum))
        {
            return _version.AtLeast(minimum);
        }

        return _clusterFeatures.Contains(feature);
    }

    private async Task<string?> RequiresAsync(JsonObject requires, CancellationToken cancellationToken)
    {
        var missingRunner = List(requires["test_runner_features"]).FirstOrDefault(f => !RunnerFeatures.Supported.Contains(f));
        if (missingRunner is not null)
        {
            return $"runner feature '{missingRunner}' not supported";
        }

        var missingCluster = List(requires["cluster_features"]).FirstOrDefault(f => !HasClusterFeature(f));
        if (missingCluster is not null)
        {
            return $"cluster feature '{missingCluster}' not present";
        }

        foreach (var capability in (requires["capabilities"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (!await _capabilitySupported(capability, cancellationToken).ConfigureAwait(false))
            {
                return $"capability {Describe(capability)} not supported";
            }
        }

        return null;
    }

    private async Task<string?> SkipAsync(JsonObject skip, CancellationToken cancellationToken)
    {
        var missingRunner = List(skip["features"]).FirstOrDefault(f => !RunnerFeatures.Supported.Contains(f));
        if (missingRunner is not null)
        {
            return $"runner feature '{missingRunner}' not supported";
        }

        if (skip["version"] is { } versions && _version.InRanges(JsonText.Scalar(versions)))
        {
            return $"version {_version} in skipped range '{JsonText.Scalar(versions)}'";
        }

        var present = List(skip["cluster_features"]).FirstOrDefault(HasClusterFeature);
        if (present is not null)
        {
            return $"cluster feature '{present}' present";
        }

        if (skip["known_issues"] is not null || skip["awaits_fix"] is not null)
        {
            return "known issue / awaits fix";
        }

        foreach (var capability in (skip["capabilities"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (await _capabilitySupported(capability, cancellationToken).ConfigureAwait(false))
            {
                return $"capability {Describe(capability)} supported";
            }
        }

        return null;
    }

    private static string Describe(JsonObject capability) =>
        $"{JsonText.Scalar(capability["method"])} {JsonText.Scalar(capability["path"])} {JsonText.Brief(capability["capabilities"], 100)}";

    private static List<string> List(JsonNode? node) => node switch
    {
        null => [],
        JsonArray array => array.Select(JsonText.Scalar).ToList(),
        _ => [JsonText.Scalar(node)],
    };
}

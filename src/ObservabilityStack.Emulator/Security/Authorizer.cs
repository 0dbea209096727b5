using ObservabilityStack.Emulator.Storage;

namespace ObservabilityStack.Emulator.Security;

/// <summary>
/// Index-level checks. A backing index inherits its data stream's privileges. A wildcard must be granted the
/// action somewhere, and every name it matches must be granted (Elasticsearch narrows a wildcard to the granted
/// names instead; the emulator refuses, which is stricter but never shows more).
/// </summary>
internal static class Authorizer
{
    public const string AutoCreate = "indices:admin/auto_create";

    public static void CheckIndices(Principal principal, Cluster cluster, string action, string? expression, bool includeHidden)
    {
        if (TargetNames.HasWildcard(expression) && !principal.AllowsIndexAnywhere(action))
        {
            throw SecurityErrors.IndexDenied(principal, action, [string.IsNullOrEmpty(expression) ? "*" : expression]);
        }

        var denied = TargetNames.Expand(cluster, expression, includeHidden).Where(n => !Allows(principal, cluster, action, n)).ToList();
        if (denied.Count > 0)
        {
            throw SecurityErrors.IndexDenied(principal, action, denied);
        }
    }

    /// <summary>A write of one document: the action on the target, and auto_create when the target does not exist yet.</summary>
    public static void CheckWrite(Principal principal, Cluster cluster, string action, string index, string? reported = null)
    {
        var name = DateMathNames.Resolve(index, cluster.Clock.GetUtcNow());
        if (!Allows(principal, cluster, action, name))
        {
            throw SecurityErrors.IndexDenied(principal, action, [name], reported);
        }

        if (action != "indices:data/write/delete" && TargetNames.IsMissing(cluster, name) && !principal.AllowsIndex(AutoCreate, name))
        {
            throw SecurityErrors.IndexDenied(principal, AutoCreate, [name]);
        }
    }

    private static bool Allows(Principal principal, Cluster cluster, string action, string name) =>
        principal.AllowsIndex(action, name)
        || (TargetNames.ParentDataStream(cluster, name) is { } stream && principal.AllowsIndex(action, stream));
}

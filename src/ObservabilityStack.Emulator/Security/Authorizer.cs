using ObservabilityStack.Emulator.Storage;

namespace ObservabilityStack.Emulator.Security;

/// <summary>
/// Index-level checks. A backing index inherits its data stream's privileges. A wildcard must be granted the
/// action somewhere. Reads narrow a wildcard to the names granted (as Elasticsearch does); other actions refuse
/// when a wildcard matches a name not granted, which is stricter but never touches more.
/// </summary>
internal static class Authorizer
{
    public const string AutoCreate = "indices:admin/auto_create";

    /// <summary>What Elasticsearch puts in place of a wildcard that matched nothing the user may read: it resolves to no index.</summary>
    public const string NoIndex = "-*";

    /// <summary>
    /// A read of <paramref name="expression"/>: names written out must be granted (403 otherwise); names found by a
    /// wildcard are dropped when not granted. Returns the expression to run, unchanged when nothing was dropped.
    /// </summary>
    public static string? NarrowRead(Principal principal, Cluster cluster, string action, string? expression, bool includeHidden)
    {
        if (!TargetNames.HasWildcard(expression))
        {
            CheckIndices(principal, cluster, action, expression, includeHidden);
            return expression;
        }

        if (!principal.AllowsIndexAnywhere(action))
        {
            throw SecurityErrors.IndexDenied(principal, action, [string.IsNullOrEmpty(expression) ? "*" : expression]);
        }

        var names = TargetNames.ExpandParts(cluster, expression, includeHidden);
        var denied = names.Where(n => !n.FromWildcard && !Allows(principal, cluster, action, n.Name)).Select(n => n.Name).ToList();
        if (denied.Count > 0)
        {
            throw SecurityErrors.IndexDenied(principal, action, denied);
        }

        var granted = names.Where(n => Allows(principal, cluster, action, n.Name)).Select(n => n.Name).ToList();
        return granted.Count == names.Count ? expression : granted.Count == 0 ? NoIndex : string.Join(",", granted);
    }

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

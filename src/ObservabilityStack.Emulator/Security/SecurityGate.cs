using Microsoft.AspNetCore.Http;
using ObservabilityStack.Emulator.Http;
using ObservabilityStack.Emulator.Storage;

namespace ObservabilityStack.Emulator.Security;

/// <summary>
/// The pipeline's security step: authenticate every request (401 otherwise), then authorize the matched route's
/// action (403 otherwise). The principal is kept on the request for APIs that check items or ownership.
/// </summary>
internal sealed class SecurityGate(SecurityStore store, Cluster cluster)
{
    private const string PrincipalKey = "es.principal";

    /// <summary>Actions whose wildcards are narrowed to the granted names instead of refused.</summary>
    private static readonly HashSet<string> NarrowedReads = new(StringComparer.Ordinal) { "indices:data/read/search" };

    public SecurityStore Store { get; } = store;

    public Authenticator Authenticator { get; } = new(store, cluster.Clock);

    public static Principal? PrincipalOf(HttpContext http) => http.Items[PrincipalKey] as Principal;

    /// <summary>Fails start-up when a route has no action in <see cref="RouteActions"/>.</summary>
    public static void Validate(IEnumerable<(string Method, string Template)> routes)
    {
        var missing = routes.Where(r => RouteActions.Find(r.Method, r.Template) is null).Select(r => $"{r.Method} {r.Template}").ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"Routes without a security action: {string.Join(", ", missing)}");
        }
    }

    public async Task CheckAsync(HttpContext http, RouteMatch match)
    {
        var principal = Authenticator.Authenticate(http);
        http.Items[PrincipalKey] = principal;
        if (match.Handler is null || match.Template is null)
        {
            return;
        }

        var method = http.Request.Method;
        var route = RouteActions.Find(method, match.Template)
            ?? throw new EmulatorException(403, "security_exception", $"action for [{method} {match.Template}] is unknown");
        var target = route.TargetParameter is null ? null : match.Values!.GetValueOrDefault(route.TargetParameter);
        switch (route.Kind)
        {
            case AccessKind.Cluster when !principal.AllowsCluster(route.Action):
                throw SecurityErrors.ClusterDenied(principal, route.Action);
            case AccessKind.Index when NarrowedReads.Contains(route.Action):
                // The API reads its target from the route values, so the narrowed expression replaces what was asked.
                match.Values![route.TargetParameter!] = Authorizer.NarrowRead(principal, cluster, route.Action, target, ExpandsHidden(http))!;
                break;
            case AccessKind.Index:
                Authorizer.CheckIndices(principal, cluster, route.Action, target, ExpandsHidden(http));
                break;
            case AccessKind.Document:
                var action = route.Action == RouteActions.IndexAction && http.Request.Query["op_type"] == "create"
                    ? RouteActions.CreateAction
                    : route.Action;
                Authorizer.CheckWrite(principal, cluster, action, target!);
                break;
            case AccessKind.Composite when !principal.AllowsIndexAnywhere(route.Action):
                throw SecurityErrors.Denied(principal, route.Action);
        }
    }

    /// <summary>
    /// msearch: each search is authorized on its own when it runs (a forbidden one fails alone, as in Elasticsearch).
    /// The expression comes back narrowed, or unchanged when security is off.
    /// </summary>
    public static string? NarrowSearch(HttpContext http, Cluster cluster, string? expression) =>
        PrincipalOf(http) is { } principal
            ? Authorizer.NarrowRead(principal, cluster, "indices:data/read/search", expression, ExpandsHidden(http))
            : expression;

    private static bool ExpandsHidden(HttpContext http)
    {
        var expand = http.Request.Query["expand_wildcards"].ToString();
        return expand.Contains("hidden", StringComparison.Ordinal) || expand.Contains("all", StringComparison.Ordinal);
    }
}

using ObservabilityStack.Emulator.Http;
using ObservabilityStack.Emulator.Storage;

namespace ObservabilityStack.Emulator.Security;

/// <summary>
/// Authorizes bulk items one by one like Elasticsearch: a forbidden item fails with a 403 item error
/// naming <c>indices:data/write/bulk[s]</c>, the others go through.
/// </summary>
internal sealed class BulkItemGuard(Principal principal, Cluster cluster)
{
    private const string ShardAction = "indices:data/write/bulk[s]";

    /// <summary>The guard for a request, or null when security is off.</summary>
    public static BulkItemGuard? For(EsRequest request, Cluster cluster) =>
        SecurityGate.PrincipalOf(request.Http) is { } principal ? new BulkItemGuard(principal, cluster) : null;

    /// <summary>Throws a 403 <see cref="EmulatorException"/> when the item may not run.</summary>
    public void Check(WriteKind kind, string index)
    {
        var action = kind switch
        {
            WriteKind.Create => RouteActions.CreateAction,
            WriteKind.Update => "indices:data/write/update",
            WriteKind.Delete => "indices:data/write/delete",
            _ => RouteActions.IndexAction,
        };
        Authorizer.CheckWrite(principal, cluster, action, index, ShardAction);
    }
}

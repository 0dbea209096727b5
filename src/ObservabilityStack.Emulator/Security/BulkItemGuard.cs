using ObservabilityStack.Emulator.Http;
using ObservabilityStack.Emulator.Storage;

namespace ObservabilityStack.Emulator.Security;

/// <summary>
/// Authorizes bulk items one by one like Elasticsearch: a forbidden item fails with a 403 item error
/// naming <c>indices:data/write/bulk[s]</c>, the others go through. Decisions are remembered per
/// (operation, index) for the request, so a large bulk into one stream checks its privileges once.
/// </summary>
internal sealed class BulkItemGuard(Principal principal, Cluster cluster)
{
    private const string ShardAction = "indices:data/write/bulk[s]";
    private readonly Dictionary<(WriteKind, string), EmulatorException?> _decisions = [];

    /// <summary>The guard for a request, or null when security is off.</summary>
    public static BulkItemGuard? For(EsRequest request, Cluster cluster) =>
        SecurityGate.PrincipalOf(request.Http) is { } principal ? new BulkItemGuard(principal, cluster) : null;

    /// <summary>Throws a 403 <see cref="EmulatorException"/> when the item may not run.</summary>
    public void Check(WriteKind kind, string index)
    {
        if (!_decisions.TryGetValue((kind, index), out var denied))
        {
            denied = Decide(kind, index);
            _decisions[(kind, index)] = denied;
        }

        if (denied is not null)
        {
            throw denied;
        }
    }

    private EmulatorException? Decide(WriteKind kind, string index)
    {
        var action = kind switch
        {
            WriteKind.Create => RouteActions.CreateAction,
            WriteKind.Update => "indices:data/write/update",
            WriteKind.Delete => "indices:data/write/delete",
            _ => RouteActions.IndexAction,
        };
        try
        {
            Authorizer.CheckWrite(principal, cluster, action, index, ShardAction);
            return null;
        }
        catch (EmulatorException e)
        {
            return e;
        }
    }
}

namespace ObservabilityStack.Emulator.Security;

/// <summary>
/// Every route's Elasticsearch action, keyed by <c>METHOD template</c>. The host refuses to start with security
/// on when a route is missing here, so a new API cannot slip past authorization.
/// </summary>
internal static class RouteActions
{
    private const string Search = "indices:data/read/search";

    private static readonly (string Routes, RouteAction Action)[] Table =
    [
        ("GET,HEAD /", Cluster("cluster:monitor/main")),
        ("GET /_cluster/health,GET /_cluster/health/{index}", Cluster("cluster:monitor/health")),
        ("GET /_cluster/settings", Cluster("cluster:monitor/settings")),
        ("PUT /_cluster/settings", Cluster("cluster:admin/settings/update")),
        ("GET /_capabilities", Cluster("cluster:monitor/nodes/capabilities")),
        ("GET /_tasks/{id}", Cluster("cluster:monitor/task/get")),

        ("GET /_index_template,GET,HEAD /_index_template/{name}", Cluster("indices:admin/index_template/get")),
        ("PUT,POST /_index_template/{name}", Cluster("indices:admin/index_template/put")),
        ("DELETE /_index_template/{name}", Cluster("indices:admin/index_template/delete")),
        ("POST /_index_template/_simulate_index/{name}", Cluster("indices:admin/index_template/simulate_index")),
        ("GET /_component_template,GET,HEAD /_component_template/{name}", Cluster("cluster:admin/component_template/get")),
        ("PUT,POST /_component_template/{name}", Cluster("cluster:admin/component_template/put")),
        ("DELETE /_component_template/{name}", Cluster("cluster:admin/component_template/delete")),

        ("GET /_ilm/policy,GET /_ilm/policy/{name}", Cluster("cluster:admin/ilm/get")),
        ("PUT /_ilm/policy/{name}", Cluster("cluster:admin/ilm/put")),
        ("DELETE /_ilm/policy/{name}", Cluster("cluster:admin/ilm/delete")),
        ("GET /_ilm/status", Cluster("cluster:admin/ilm/operation_mode/get")),
        ("POST /_ilm/start", Cluster("cluster:admin/ilm/start")),
        ("POST /_ilm/stop", Cluster("cluster:admin/ilm/stop")),
        ("GET /{index}/_ilm/explain", Index("indices:admin/ilm/explain")),
        ("POST /{index}/_ilm/remove", Index("indices:admin/ilm/remove_policy")),

        ("GET /_ingest/pipeline,GET /_ingest/pipeline/{id}", Cluster("cluster:admin/ingest/pipeline/get")),
        ("PUT /_ingest/pipeline/{id}", Cluster("cluster:admin/ingest/pipeline/put")),
        ("DELETE /_ingest/pipeline/{id}", Cluster("cluster:admin/ingest/pipeline/delete")),
        ("GET,POST /_ingest/pipeline/_simulate,GET,POST /_ingest/pipeline/{id}/_simulate", Cluster("cluster:admin/ingest/pipeline/simulate")),

        ("POST,GET,DELETE /_emulator/faults", Cluster("cluster:admin/emulator/faults")),
        ("POST /_emulator/ilm/run", Cluster("cluster:admin/emulator/ilm")),
        ("GET /_emulator/stats", Cluster("cluster:monitor/emulator/stats")),

        ("GET /_security/_authenticate", new RouteAction("cluster:admin/xpack/security/user/authenticate", AccessKind.Authenticated)),
        ("GET /_security/role,GET /_security/role/{name}", Cluster("cluster:admin/xpack/security/role/get")),
        ("PUT,POST /_security/role/{name}", Cluster("cluster:admin/xpack/security/role/put")),
        ("DELETE /_security/role/{name}", Cluster("cluster:admin/xpack/security/role/delete")),
        ("GET /_security/user,GET /_security/user/{name}", Cluster("cluster:admin/xpack/security/user/get")),
        ("PUT,POST /_security/user/{name}", Cluster("cluster:admin/xpack/security/user/put")),
        ("DELETE /_security/user/{name}", Cluster("cluster:admin/xpack/security/user/delete")),
        ("POST,PUT /_security/api_key", Cluster("cluster:admin/xpack/security/api_key/create")),
        ("GET /_security/api_key", new RouteAction("cluster:admin/xpack/security/api_key/get", AccessKind.Authenticated)),
        ("DELETE /_security/api_key", new RouteAction("cluster:admin/xpack/security/api_key/invalidate", AccessKind.Authenticated)),

        ("PUT /{index}", Index("indices:admin/create")),
        ("DELETE /{index}", Index("indices:admin/delete")),
        ("GET,HEAD /{index}", Index("indices:admin/get")),
        ("POST /{index}/_close", Index("indices:admin/close")),
        ("POST /{index}/_open", Index("indices:admin/open")),
        ("GET /_mapping,GET /{index}/_mapping", Index("indices:admin/mappings/get")),
        ("PUT,POST /{index}/_mapping", Index("indices:admin/mapping/put")),
        ("GET /_settings,GET /_settings/{name},GET /{index}/_settings,GET /{index}/_settings/{name}", Index("indices:monitor/settings/get")),
        ("PUT /_settings,PUT /{index}/_settings", Index("indices:admin/settings/update")),
        ("GET /_stats,GET /_stats/{metric},GET /{index}/_stats,GET /{index}/_stats/{metric}", Index("indices:monitor/stats")),
        ("GET,POST /_refresh,GET,POST /{index}/_refresh", Index("indices:admin/refresh")),
        ("POST /{index}/_rollover,POST /{index}/_rollover/{new_index}", Index("indices:admin/rollover")),
        ("GET,HEAD /_alias,GET,HEAD /_alias/{name},GET,HEAD /{index}/_alias,GET,HEAD /{index}/_alias/{name}", Index("indices:admin/aliases/get")),
        ("POST /_aliases,PUT,POST,DELETE /{index}/_alias/{name},PUT,POST,DELETE /{index}/_aliases/{name}", Index("indices:admin/aliases")),

        ("GET /_data_stream", Index("indices:admin/data_stream/get", "name")),
        ("GET /_data_stream/{name}", Index("indices:admin/data_stream/get", "name")),
        ("PUT /_data_stream/{name}", Index("indices:admin/data_stream/create", "name")),
        ("DELETE /_data_stream/{name}", Index("indices:admin/data_stream/delete", "name")),
        ("GET /_data_stream/{name}/_lifecycle", Index("indices:admin/data_stream/lifecycle/get", "name")),
        ("PUT /_data_stream/{name}/_lifecycle", Index("indices:admin/data_stream/lifecycle/put", "name")),
        ("DELETE /_data_stream/{name}/_lifecycle", Index("indices:admin/data_stream/lifecycle/delete", "name")),

        ("GET,POST /_search,GET,POST /{index}/_search,GET,POST /_count,GET,POST /{index}/_count", Index(Search)),
        ("GET,POST /_msearch,GET,POST /{index}/_msearch", new RouteAction("indices:data/read/msearch", AccessKind.Composite, "index")),
        ("POST /{index}/_delete_by_query", Index("indices:data/write/delete/byquery")),
        ("GET,HEAD /{index}/_doc/{id},GET,HEAD /{index}/_source/{id}", Index("indices:data/read/get")),
        ("PUT,POST /{index}/_doc/{id}", Document(IndexAction)),
        ("POST /{index}/_doc,PUT,POST /{index}/_create/{id}", Document(CreateAction)),
        ("DELETE /{index}/_doc/{id}", Document("indices:data/write/delete")),
        ("POST /{index}/_update/{id}", Document("indices:data/write/update")),
        ("POST,PUT /_bulk,POST,PUT /{index}/_bulk", new RouteAction("indices:data/write/bulk", AccessKind.Composite, "index")),
    ];

    private static readonly Dictionary<string, RouteAction> ByRoute = Build();

    public const string IndexAction = "indices:data/write/index";

    public const string CreateAction = "indices:data/write/index:op_type/create";

    public static RouteAction? Find(string method, string template) =>
        ByRoute.GetValueOrDefault($"{(method == "HEAD" ? "HEAD" : method)} {template}");

    private static Dictionary<string, RouteAction> Build()
    {
        var map = new Dictionary<string, RouteAction>(StringComparer.Ordinal);
        foreach (var (routes, action) in Table)
        {
            // "GET,HEAD /a,PUT /b": the methods listed before a path apply to that path.
            var methods = new List<string>();
            foreach (var token in routes.Split(','))
            {
                var space = token.IndexOf(' ', StringComparison.Ordinal);
                methods.Add(space < 0 ? token : token[..space]);
                if (space < 0)
                {
                    continue;
                }

                foreach (var method in methods)
                {
                    map[$"{method} {token[(space + 1)..]}"] = action;
                }

                methods.Clear();
            }
        }

        return map;
    }

    private static RouteAction Cluster(string action) => new(action, AccessKind.Cluster);

    private static RouteAction Index(string action, string parameter = "index") => new(action, AccessKind.Index, parameter);

    private static RouteAction Document(string action) => new(action, AccessKind.Document, "index");
}

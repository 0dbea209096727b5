using System.Collections.Frozen;

namespace ObservabilityStack.Serilog.Formatting;

/// <summary>
/// The single mapping table from log event properties to ECS fields (ARCHITECTURE.md, "Documents").
/// ECS field names appear nowhere else; enrichers and the middleware only know the property names.
/// </summary>
internal static class EcsFieldMap
{
    /// <summary>Property names used by our enrichers and middleware, so they never drift from the table.</summary>
    internal static class Properties
    {
        public const string ServiceName = "ServiceName";
        public const string ServiceVersion = "ServiceVersion";
        public const string ServiceEnvironment = "ServiceEnvironment";
        public const string HostName = "HostName";
        public const string ProcessId = "ProcessId";
        public const string EventId = "EventUuid";
        public const string EventDataset = "EventDataset";
        public const string EventAction = "EventAction";
        public const string TraceId = "TraceId";
        public const string SpanId = "SpanId";
        public const string UserId = "UserId";
        public const string OrderId = "OrderId";
        public const string CorrelationId = "CorrelationId";
        public const string SourceContext = "SourceContext";
        public const string RequestMethod = "RequestMethod";
        public const string RequestPath = "RequestPath";
        public const string StatusCode = "StatusCode";
        public const string DurationNs = "DurationNs";
        public const string ClientIp = "ClientIp";
        public const string UserAgent = "UserAgent";
    }

    /// <summary>The table. Order is the order fields appear in the document.</summary>
    public static readonly EcsField[] Fields =
    [
        new(Properties.SourceContext, "log.logger", EcsValueKind.String),
        new(Properties.ServiceName, "service.name", EcsValueKind.String),
        new(Properties.ServiceVersion, "service.version", EcsValueKind.String),
        new(Properties.ServiceEnvironment, "service.environment", EcsValueKind.String),
        new(Properties.HostName, "host.name", EcsValueKind.String),
        new(Properties.ProcessId, "process.pid", EcsValueKind.Number),
        new(Properties.EventId, "event.id", EcsValueKind.String),
        new(Properties.EventDataset, "event.dataset", EcsValueKind.String),
        new(Properties.EventAction, "event.action", EcsValueKind.String),
        new(Properties.DurationNs, "event.duration", EcsValueKind.Number),
        new(Properties.TraceId, "trace.id", EcsValueKind.String),
        new(Properties.SpanId, "span.id", EcsValueKind.String),
        new(Properties.UserId, "user.id", EcsValueKind.String),
        new(Properties.OrderId, "order.id", EcsValueKind.String),
        new(Properties.RequestMethod, "http.request.method", EcsValueKind.String),
        new(Properties.StatusCode, "http.response.status_code", EcsValueKind.Number),
        new(Properties.RequestPath, "url.path", EcsValueKind.String),
        new(Properties.ClientIp, "client.ip", EcsValueKind.String),
        new(Properties.UserAgent, "user_agent.original", EcsValueKind.String),
    ];

    /// <summary>Property name → index into <see cref="Fields"/>.</summary>
    public static readonly FrozenDictionary<string, int> SlotByProperty =
        Fields.Select((f, i) => (f.Property, i)).ToFrozenDictionary(p => p.Property, p => p.i, StringComparer.Ordinal);

    /// <summary>Properties that are consumed elsewhere and never copied to labels or attributes.</summary>
    public static readonly FrozenSet<string> Ignored =
        FrozenSet.ToFrozenSet(["EventId", "RequestId", "ConnectionId", "Elapsed"], StringComparer.Ordinal);

    /// <summary>Top-level objects of the document, each with the slots it holds, built once from the table.</summary>
    public static readonly EcsObjectGroup[] Groups = BuildGroups();

    private static EcsObjectGroup[] BuildGroups()
    {
        // Paths are at most three levels deep (http.response.status_code); group by the first segment and
        // by the middle segment, so the writer emits nested objects without per-event string work.
        var groups = new List<EcsObjectGroup>();
        for (var i = 0; i < Fields.Length; i++)
        {
            var parts = Fields[i].Path.Split('.');
            var group = groups.Find(g => g.Name == parts[0]);
            if (group is null)
            {
                group = new EcsObjectGroup(parts[0]);
                groups.Add(group);
            }

            group.Add(parts.Length == 3 ? parts[1] : null, parts[^1], i);
        }

        return [.. groups];
    }
}

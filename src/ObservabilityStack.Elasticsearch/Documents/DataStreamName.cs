namespace ObservabilityStack.Elasticsearch.Documents;

/// <summary>Elastic's data stream naming scheme <c>logs-{dataset}-{namespace}</c>, in one place.</summary>
public static class DataStreamName
{
    /// <summary>Dataset for a service: lower-cased, <c>-</c> turned into <c>_</c> (<c>shop-api</c> → <c>shop_api</c>).</summary>
    public static string Dataset(string serviceName) =>
        serviceName.Trim().ToLowerInvariant().Replace('-', '_').Replace(' ', '_');

    /// <summary>Namespace for an environment: lower-cased, <c>-</c> turned into <c>_</c>.</summary>
    public static string Namespace(string environment) =>
        environment.Trim().ToLowerInvariant().Replace('-', '_').Replace(' ', '_');

    /// <summary>The data stream for a service in an environment, e.g. <c>logs-shop_api-production</c>.</summary>
    public static string For(string serviceName, string environment) =>
        $"logs-{Dataset(serviceName)}-{Namespace(environment)}";

    /// <summary>The dead-letter stream of an environment.</summary>
    public static string DeadLetter(string environment) => $"logs-deadletter-{Namespace(environment)}";
}

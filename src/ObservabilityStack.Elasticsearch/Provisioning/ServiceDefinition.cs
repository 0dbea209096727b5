namespace ObservabilityStack.Elasticsearch.Provisioning;

/// <summary>One service from the services file: its data streams, retention and owner.</summary>
/// <param name="Name">Service name as logged in <c>service.name</c>, e.g. <c>shop-api</c>.</param>
/// <param name="Owner">Owning team, recorded in the index template's <c>_meta</c>.</param>
/// <param name="RetentionDays">Days logs are kept after rollover.</param>
/// <param name="Environments">Environments that get a data stream each.</param>
public sealed record ServiceDefinition(string Name, string Owner, int RetentionDays, IReadOnlyList<string> Environments);

namespace ObservabilityStack.Elasticsearch.Provisioning;

/// <summary>Everything the services file says: services plus the dead-letter stream's retention.</summary>
/// <param name="Services">The services, in file order.</param>
/// <param name="Environments">All environments (the dead-letter stream gets one per environment).</param>
/// <param name="DeadLetterRetentionDays">Days dead-lettered events are kept.</param>
public sealed record ServiceCatalog(IReadOnlyList<ServiceDefinition> Services, IReadOnlyList<string> Environments, int DeadLetterRetentionDays)
{
    /// <summary>Pseudo-service name of the dead-letter streams (<c>logs-deadletter-{env}</c>).</summary>
    public const string DeadLetterService = "deadletter";

    /// <summary>The services plus the dead-letter pseudo-service, which is provisioned like any other.</summary>
    public IEnumerable<ServiceDefinition> WithDeadLetter() =>
        Services.Append(new ServiceDefinition(DeadLetterService, "platform", DeadLetterRetentionDays, Environments));
}

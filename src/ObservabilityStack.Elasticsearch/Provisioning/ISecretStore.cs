namespace ObservabilityStack.Elasticsearch.Provisioning;

/// <summary>Where bootstrap puts the API keys it creates (files, a vault...). Never logged.</summary>
public interface ISecretStore
{
    /// <summary>Stores <paramref name="secret"/> under <paramref name="name"/> and returns a description of where it went.</summary>
    Task<string> StoreAsync(string name, string secret, CancellationToken cancellationToken = default);

    /// <summary>True when a secret named <paramref name="name"/> is already stored.</summary>
    bool Contains(string name);
}

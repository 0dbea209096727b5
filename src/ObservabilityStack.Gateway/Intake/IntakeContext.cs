namespace ObservabilityStack.Gateway.Intake;

/// <summary>What one request may write: fixed by its API key, plus the limits of its endpoint.</summary>
internal sealed class IntakeContext
{
    public IntakeContext(string service, IReadOnlyList<string> environments, IntakeLimits limits, DateTimeOffset now)
    {
        Service = service;
        Environments = environments;
        Limits = limits;
        Now = now;
    }

    /// <summary>The key's service; a body naming another service is refused.</summary>
    public string Service { get; }

    /// <summary>Environments the key may write; the first is the default.</summary>
    public IReadOnlyList<string> Environments { get; }

    /// <summary>Limits of the endpoint.</summary>
    public IntakeLimits Limits { get; }

    /// <summary>Arrival time: <c>event.ingested</c>, and <c>@timestamp</c> when the event has none.</summary>
    public DateTimeOffset Now { get; }

    private readonly Dictionary<string, string> _indexes = new(StringComparer.Ordinal);

    /// <summary>The data stream for this key's service in <paramref name="environment"/> (cached per request).</summary>
    public string IndexFor(string environment)
    {
        if (!_indexes.TryGetValue(environment, out var index))
        {
            index = ObservabilityStack.Elasticsearch.Documents.DataStreamName.For(Service, environment);
            _indexes[environment] = index;
        }

        return index;
    }

    /// <summary>The environment named in a body if the key allows it, else null.</summary>
    public string? AllowedEnvironment(string requested)
    {
        foreach (var env in Environments)
        {
            if (string.Equals(env, requested, StringComparison.OrdinalIgnoreCase))
            {
                return env;
            }
        }

        return null;
    }
}

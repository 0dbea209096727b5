using ObservabilityStack.Elasticsearch;

namespace ObservabilityStack.Cli.Commands.Stack.Up;

/// <summary>What <c>obs up</c> hands to every <see cref="IStackComponent"/>.</summary>
internal sealed class StackContext
{
    private readonly List<StackEndpoint> _endpoints = [];

    /// <summary>Creates a context.</summary>
    public StackContext(ElasticsearchClientOptions elasticsearch, string dataDirectory, bool demo, string? smtp, string? outbox,
        int gatewayPort)
    {
        GatewayPort = gatewayPort;
        Elasticsearch = elasticsearch;
        DataDirectory = dataDirectory;
        Demo = demo;
        Smtp = smtp;
        Outbox = outbox;
    }

    /// <summary>How to reach the (bootstrapped) Elasticsearch or emulator.</summary>
    public ElasticsearchClientOptions Elasticsearch { get; }

    /// <summary>Root data directory; each component uses its own subdirectory.</summary>
    public string DataDirectory { get; }

    /// <summary>True when samples should generate demo traffic.</summary>
    public bool Demo { get; }

    /// <summary>SMTP relay as HOST:PORT, or null.</summary>
    public string? Smtp { get; }

    /// <summary>Pickup directory for .eml files when no SMTP relay is given.</summary>
    public string? Outbox { get; }

    /// <summary>Port of the gateway on 127.0.0.1 (0 picks a free one).</summary>
    public int GatewayPort { get; }

    /// <summary>Everything that reported where it runs, in order.</summary>
    public IReadOnlyList<StackEndpoint> Endpoints => _endpoints;

    /// <summary>Records where a part runs, for the summary table.</summary>
    public void Report(string name, string where, string notes) => _endpoints.Add(new StackEndpoint(name, where, notes));
}

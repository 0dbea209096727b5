namespace ObservabilityStack.Agent.State;

/// <summary>How far one file has been shipped and acknowledged.</summary>
public sealed record FilePosition
{
    /// <summary>Content identity (hash of the first line).</summary>
    public required string Fingerprint { get; init; }

    /// <summary>Where the file was last seen.</summary>
    public required string Path { get; init; }

    /// <summary>Byte offset up to which every line was accepted by the gateway (or dead-lettered).</summary>
    public long Offset { get; init; }

    /// <summary>When the position last moved.</summary>
    public DateTimeOffset UpdatedAt { get; init; }
}

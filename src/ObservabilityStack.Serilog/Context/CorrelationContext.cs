namespace ObservabilityStack.Serilog.Context;

/// <summary>
/// The correlation id of the current request or operation. The request logging middleware sets it from
/// <c>X-Correlation-ID</c> (or creates one); <see cref="AspNetCore.CorrelationIdHandler"/> sends it on.
/// </summary>
public static class CorrelationContext
{
    /// <summary>The HTTP header carrying the id.</summary>
    public const string HeaderName = "X-Correlation-ID";

    private static readonly AsyncLocal<string?> Value = new();

    /// <summary>The current correlation id, or null outside any request or scope.</summary>
    public static string? Current => Value.Value;

    /// <summary>Starts a scope with the given id; disposing it restores the previous one.</summary>
    public static IDisposable Begin(string correlationId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(correlationId);
        var previous = Value.Value;
        Value.Value = correlationId;
        return new Scope(previous);
    }

    /// <summary>Creates a new id (32 hex characters).</summary>
    public static string NewId() => Guid.NewGuid().ToString("N");

    private sealed class Scope(string? previous) : IDisposable
    {
        public void Dispose() => Value.Value = previous;
    }
}

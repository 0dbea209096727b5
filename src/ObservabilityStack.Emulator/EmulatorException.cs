namespace ObservabilityStack.Emulator;

/// <summary>
/// An error answered the way Elasticsearch answers it:
/// <c>{"error":{"root_cause":[...],"type":Type,"reason":Reason},"status":Status}</c>.
/// Anything that is the caller's fault is thrown as this, never as a bare .NET exception.
/// </summary>
public sealed class EmulatorException : Exception
{
    /// <summary>Creates an error answer.</summary>
    public EmulatorException(int status, string type, string reason)
        : base(reason)
    {
        Status = status;
        Type = type;
    }

    /// <summary>HTTP status code, e.g. 400.</summary>
    public int Status { get; }

    /// <summary>Elasticsearch error type, e.g. <c>parsing_exception</c>.</summary>
    public string Type { get; }

    /// <summary>Optional index name, reported as <c>index</c> in the error body.</summary>
    public string? Index { get; init; }

    /// <summary>Optional extra string fields of the error object (e.g. <c>resource.type</c>), in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>>? Metadata { get; init; }

    /// <summary>The underlying error, reported as <c>caused_by</c>.</summary>
    public EmulatorException? CausedBy { get; init; }

    /// <summary>
    /// HTTP headers sent with the answer and also reported as <c>header</c> in the error body, the way
    /// Elasticsearch reports <c>WWW-Authenticate</c> on a 401.
    /// </summary>
    public IReadOnlyDictionary<string, string[]>? Headers { get; init; }

    /// <summary>Seconds to put in a <c>Retry-After</c> header, when set.</summary>
    public int? RetryAfterSeconds { get; init; }

    /// <summary>Shorthand for a 400 <c>parsing_exception</c>.</summary>
    public static EmulatorException Parsing(string reason) => new(400, "parsing_exception", reason);

    /// <summary>Shorthand for a 400 <c>illegal_argument_exception</c>.</summary>
    public static EmulatorException IllegalArgument(string reason) => new(400, "illegal_argument_exception", reason);

    /// <summary>Shorthand for a 404 <c>index_not_found_exception</c> naming the index.</summary>
    public static EmulatorException IndexNotFound(string index) =>
        new(404, "index_not_found_exception", $"no such index [{index}]")
        {
            Index = index,
            Metadata = [new("resource.type", "index_or_alias"), new("resource.id", index), new("index_uuid", "_na_")],
        };

    /// <summary>Shorthand for a 400 <c>resource_already_exists_exception</c> for an index.</summary>
    public static EmulatorException IndexExists(string index, string uuid) =>
        new(400, "resource_already_exists_exception", $"index [{index}/{uuid}] already exists")
        {
            Index = index,
            Metadata = [new("index_uuid", uuid)],
        };
}

using System.Net;

namespace ObservabilityStack.Elasticsearch;

/// <summary>
/// Elasticsearch refused a request (<see cref="Status"/> with its <c>error.type</c> and <c>reason</c>), or could
/// not be reached at all (<see cref="Status"/> null). Messages never carry credentials.
/// </summary>
public sealed class ElasticsearchException : Exception
{
    /// <summary>Creates an exception without details.</summary>
    public ElasticsearchException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    public ElasticsearchException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and cause.</summary>
    public ElasticsearchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception for an error answer.</summary>
    public ElasticsearchException(string message, HttpStatusCode? status, string? errorType, string? reason,
        Exception? innerException = null)
        : base(message, innerException)
    {
        Status = status;
        ErrorType = errorType;
        Reason = reason;
    }

    /// <summary>HTTP status of the answer; null when no answer arrived (connection failure, timeout).</summary>
    public HttpStatusCode? Status { get; }

    /// <summary>Elasticsearch's <c>error.type</c>, e.g. <c>index_not_found_exception</c>; null for non-JSON bodies.</summary>
    public string? ErrorType { get; }

    /// <summary>Elasticsearch's <c>error.reason</c>, or a short excerpt of a non-JSON body.</summary>
    public string? Reason { get; }

    /// <summary>True when no answer arrived (connection refused, DNS, TLS failure, timeout).</summary>
    public bool IsConnectionFailure => Status is null;
}

namespace ObservabilityStack.Alerting.Evaluation;

/// <summary>Elasticsearch could not be reached or answered with an error; the run is reported and retried.</summary>
public sealed class ElasticsearchUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ElasticsearchUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public ElasticsearchUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an empty exception.</summary>
    public ElasticsearchUnavailableException()
    {
    }
}

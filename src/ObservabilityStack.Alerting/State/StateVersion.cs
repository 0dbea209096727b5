namespace ObservabilityStack.Alerting.State;

/// <summary>Elasticsearch's optimistic-concurrency token of a document (<c>_seq_no</c>, <c>_primary_term</c>).</summary>
/// <param name="SeqNo">Sequence number.</param>
/// <param name="PrimaryTerm">Primary term.</param>
public readonly record struct StateVersion(long SeqNo, long PrimaryTerm);

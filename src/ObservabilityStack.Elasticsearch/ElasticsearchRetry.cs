namespace ObservabilityStack.Elasticsearch;

/// <summary>One retry the client is about to make, reported to <see cref="ElasticsearchClient.OnRetry"/>.</summary>
/// <param name="Attempt">The retry number, starting at 1.</param>
/// <param name="Method">HTTP method of the request.</param>
/// <param name="Path">Path of the request (no credentials).</param>
/// <param name="Status">Status of the failed attempt; null for a connection failure or timeout.</param>
/// <param name="Delay">How long the client waits before retrying.</param>
/// <param name="Reason">Why, e.g. <c>429 TooManyRequests</c> or the connection error.</param>
public sealed record ElasticsearchRetry(int Attempt, string Method, string Path, int? Status, TimeSpan Delay, string Reason);

namespace ObservabilityStack.Elasticsearch.Provisioning;

/// <summary>How to reach Kibana: its URL, an HttpClient (trusting the right CA) and the Authorization header value.</summary>
/// <param name="Url">Kibana base URL, e.g. <c>https://127.0.0.1:5601</c>.</param>
/// <param name="Http">HttpClient to use; owned by the caller.</param>
/// <param name="Authorization">Value for the Authorization header (<c>ApiKey ...</c> or <c>Basic ...</c>), or null.</param>
public sealed record KibanaTarget(Uri Url, HttpClient Http, string? Authorization);

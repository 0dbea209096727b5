namespace ObservabilityStack.Elasticsearch;

/// <summary>The <c>refresh</c> parameter of write APIs: when the change becomes visible to search.</summary>
public enum Refresh
{
    /// <summary><c>refresh=false</c>: visible after the next periodic refresh (Elasticsearch's default).</summary>
    False,

    /// <summary><c>refresh=true</c>: refresh the affected shards now.</summary>
    True,

    /// <summary><c>refresh=wait_for</c>: answer once a refresh has made the change visible.</summary>
    WaitFor,
}

namespace ObservabilityStack.Alerting.Evaluation;

/// <summary>What one evaluation measured for one group (a service, plus any <c>group_by</c> values).</summary>
public sealed record GroupResult
{
    /// <summary>Stable key of the group: the group values joined with <c>/</c>, e.g. <c>shop-api</c>.</summary>
    public required string Key { get; init; }

    /// <summary>The group's field values, e.g. <c>service.name = shop-api</c>.</summary>
    public IReadOnlyDictionary<string, string> Fields { get; init; } = new Dictionary<string, string>();

    /// <summary>The value compared with the threshold (percent, per second, count or metric).</summary>
    public double Value { get; init; }

    /// <summary>Documents that matched the rule's condition (e.g. 5xx answers).</summary>
    public long Matched { get; init; }

    /// <summary>All documents of the group in the range (e.g. all answers).</summary>
    public long Total { get; init; }

    /// <summary>False when the group had too little data to judge (below <c>min_requests</c>); it never fires then.</summary>
    public bool HasEnoughData { get; init; } = true;

    /// <summary>Named top-N lists: <c>client.ip</c>, <c>url.path</c>, ...</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<TopItem>> Top { get; init; } = new Dictionary<string, IReadOnlyList<TopItem>>();

    /// <summary>A few matching log lines, newest first, already rendered as text.</summary>
    public IReadOnlyList<string> Samples { get; init; } = [];

    /// <summary>The group's service, when it has one.</summary>
    public string? Service => Fields.TryGetValue("service.name", out var s) ? s : null;
}

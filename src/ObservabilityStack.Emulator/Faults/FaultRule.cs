namespace ObservabilityStack.Emulator.Faults;

/// <summary>
/// One injected fault: the next <see cref="Remaining"/> matching requests (or bulk items) answer
/// <see cref="Status"/> and/or are delayed. Mutated only under the injector's lock.
/// </summary>
internal sealed class FaultRule
{
    public int Remaining { get; set; }

    public int? Status { get; init; }

    public string? PathPrefix { get; init; }

    public int DelayMs { get; init; }

    public int? RetryAfterSeconds { get; init; }

    /// <summary>True for rules that reject bulk items instead of whole requests.</summary>
    public bool ItemRule { get; init; }

    public string? Type { get; init; }

    public string? Reason { get; init; }

    public int Applied { get; set; }
}

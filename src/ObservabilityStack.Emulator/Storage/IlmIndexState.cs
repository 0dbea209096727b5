namespace ObservabilityStack.Emulator.Storage;

/// <summary>Where an index is in its lifecycle, for rollover/delete decisions and <c>_ilm/explain</c>.</summary>
internal sealed class IlmIndexState
{
    public string Phase { get; set; } = "new";

    public string Action { get; set; } = "complete";

    public string Step { get; set; } = "complete";

    public long? PhaseTimeMillis { get; set; }

    /// <summary>When the index was rolled over; the age of later phases counts from here (ES's lifecycle date).</summary>
    public long? RolloverMillis { get; set; }

    public bool IndexedRolledOver => RolloverMillis is not null;
}

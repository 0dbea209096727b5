namespace ObservabilityStack.Gateway.Tickets;

/// <summary>A read-only view of one decompressing entry stream that charges every byte to an <see cref="ExpansionBudget"/>.</summary>
internal sealed class BudgetedStream(Stream inner, ExpansionBudget budget) : ObservedReadStream(inner)
{
    private long _read;

    protected override void OnRead(ReadOnlySpan<byte> data)
    {
        _read += data.Length;
        budget.Add(_read, data.Length);
    }
}

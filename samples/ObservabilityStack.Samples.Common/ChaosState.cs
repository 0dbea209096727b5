namespace ObservabilityStack.Samples.Common;

/// <summary>How many of the next requests must fail with 503 (set by <c>POST /chaos/5xx?count=N</c>).</summary>
public sealed class ChaosState
{
    private int _failNext;

    /// <summary>Arms the next <paramref name="count"/> requests to fail.</summary>
    public void FailNext(int count) => Interlocked.Exchange(ref _failNext, count);

    /// <summary>True when this request is one of the armed failures.</summary>
    public bool ShouldFail()
    {
        while (true)
        {
            var current = Volatile.Read(ref _failNext);
            if (current <= 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _failNext, current - 1, current) == current)
            {
                return true;
            }
        }
    }
}

namespace ObservabilityStack.Alerting.Tests.Support;

/// <summary>Thrown by <see cref="DyingSink"/> where a real engine would have been killed.</summary>
internal sealed class ProcessDiedException : Exception
{
    public ProcessDiedException()
        : base("the engine process died here")
    {
    }
}

namespace ObservabilityStack.Emulator.Apis;

/// <summary>The <c>refresh</c> parameter of writes.</summary>
internal enum RefreshPolicy
{
    None,
    Immediate,
    WaitFor,
}

using ObservabilityStack.Agent.Configuration;

namespace ObservabilityStack.Agent.Tests.Support;

/// <summary>Lets a test change the stack's default agent options with <c>with</c> expressions.</summary>
internal sealed class AgentOptionsBuilder
{
    public required AgentOptions Options { get; set; }
}

namespace ObservabilityStack.Alerting.OnCall;

/// <summary>A person who can be on call.</summary>
/// <param name="Name">Display name.</param>
/// <param name="Email">Address alerts are sent to.</param>
public sealed record TeamMember(string Name, string Email);

namespace ObservabilityStack.Emulator.Security;

/// <summary>One <c>indices</c> entry of a role: index name patterns and the privileges granted on them.</summary>
internal sealed record IndexGrant(IReadOnlyList<string> Names, IReadOnlyList<string> Privileges);

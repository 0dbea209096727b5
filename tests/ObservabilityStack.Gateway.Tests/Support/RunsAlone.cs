namespace ObservabilityStack.Gateway.Tests.Support;

/// <summary>
/// Tests that measure the whole process (retained memory) or stop and start servers under load run alone,
/// so other tests' work neither skews their figures nor starves their deadlines.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunsAlone
{
    /// <summary>The collection's name.</summary>
    public const string Name = "serial";
}

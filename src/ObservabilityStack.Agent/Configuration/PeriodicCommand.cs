namespace ObservabilityStack.Agent.Configuration;

/// <summary>A command run every <see cref="Every"/>; each output line becomes an event labelled with <see cref="Name"/>.</summary>
/// <param name="Name">Label written as <c>labels.command</c>.</param>
/// <param name="CommandLine">Run with <c>/bin/sh -c</c>.</param>
/// <param name="Every">Interval between runs.</param>
public sealed record PeriodicCommand(string Name, string CommandLine, TimeSpan Every);

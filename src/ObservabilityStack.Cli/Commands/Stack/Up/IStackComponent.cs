namespace ObservabilityStack.Cli.Commands.Stack.Up;

/// <summary>
/// One part that <c>obs up</c> runs in-process next to Elasticsearch (gateway, alert engine,
/// samples). Each part registers itself in <see cref="StackComponents"/> once its hosting API is in
/// main, so one command always runs everything that exists.
/// </summary>
internal interface IStackComponent
{
    /// <summary>Short name shown in the "what runs where" table.</summary>
    string Name { get; }

    /// <summary>Starts the part, reports where it runs through <see cref="StackContext.Report"/> and returns a handle that stops it.</summary>
    Task<IAsyncDisposable> StartAsync(StackContext context, CancellationToken cancellationToken);
}

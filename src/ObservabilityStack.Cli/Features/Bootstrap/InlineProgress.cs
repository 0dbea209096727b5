namespace ObservabilityStack.Cli.Features.Bootstrap;

/// <summary>
/// An <see cref="IProgress{T}"/> that calls back synchronously on the reporting thread
/// (<see cref="Progress{T}"/> posts to a captured context and could print after the summary).
/// </summary>
internal sealed class InlineProgress<T> : IProgress<T>
{
    private readonly Action<T> _handler;

    /// <summary>Creates the progress over <paramref name="handler"/>.</summary>
    public InlineProgress(Action<T> handler)
    {
        _handler = handler;
    }

    /// <inheritdoc/>
    public void Report(T value) => _handler(value);
}

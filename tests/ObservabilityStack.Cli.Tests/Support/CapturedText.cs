namespace ObservabilityStack.Cli.Tests.Support;

/// <summary>A synchronized writer plus a <see cref="ToString"/> that reads under the same lock.</summary>
internal sealed class CapturedText
{
    private readonly StringWriter _inner = new();

    public CapturedText()
    {
        Writer = TextWriter.Synchronized(_inner);
    }

    /// <summary>Writer to hand to the code under test (locks on itself for every call).</summary>
    public TextWriter Writer { get; }

    public override string ToString()
    {
        // TextWriter.Synchronized locks on the wrapper instance, so this read cannot interleave with a write.
        lock (Writer)
        {
            return _inner.ToString();
        }
    }
}

namespace ObservabilityStack.Tests.Shared;

/// <summary>A fresh directory under the temp folder, deleted at dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("obs-test-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a stopping component or background loop; the OS temp cleaner gets it.
        }
    }
}

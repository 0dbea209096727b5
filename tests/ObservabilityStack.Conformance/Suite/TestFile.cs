using System.Text.Json.Nodes;

namespace ObservabilityStack.Conformance.Suite;

/// <summary>One YAML test file: optional setup and teardown sections and its tests.</summary>
/// <param name="Folder">Folder relative to the suite root, e.g. <c>bulk</c> or <c>x-pack-ilm/ilm</c>.</param>
/// <param name="Name">File name without <c>.yml</c>.</param>
/// <param name="Setup">Steps run before every test.</param>
/// <param name="Teardown">Steps run after every test.</param>
/// <param name="Tests">The tests in file order.</param>
public sealed record TestFile(
    string Folder,
    string Name,
    IReadOnlyList<JsonObject> Setup,
    IReadOnlyList<JsonObject> Teardown,
    IReadOnlyList<TestCase> Tests)
{
    /// <summary>Full name of a test in this file: <c>folder/file/test</c>.</summary>
    public string FullName(TestCase test) => $"{Folder}/{Name}/{test.Name}";
}

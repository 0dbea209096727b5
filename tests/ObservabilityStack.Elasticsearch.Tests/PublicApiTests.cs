using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;

namespace ObservabilityStack.Elasticsearch.Tests;

/// <summary>
/// Guards the client's public surface (Serilog's approval-test way): a change fails here until
/// PublicApi.approved.txt is updated on purpose. Provisioning is the stack part's and not covered.
/// </summary>
public sealed class PublicApiTests
{
    [Fact]
    public void ThePublicSurfaceMatchesTheApprovedSnapshot()
    {
        var approvedPath = Path.Combine(SourceDirectory(), "PublicApi.approved.txt");
        var actual = Describe(typeof(ElasticsearchClient).Assembly);

        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).ReplaceLineEndings("\n") : string.Empty;
        if (approved != actual)
        {
            File.WriteAllText(Path.Combine(SourceDirectory(), "PublicApi.received.txt"), actual);
        }

        actual.ShouldBe(approved, "Public API changed: compare PublicApi.received.txt with PublicApi.approved.txt and approve it by copying.");
    }

    private static string Describe(Assembly assembly)
    {
        var builder = new StringBuilder();
        foreach (var type in assembly.GetExportedTypes()
                     .Where(t => t.Namespace is { } ns && !ns.EndsWith(".Provisioning", StringComparison.Ordinal))
                     .OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            builder.Append(type.FullName).Append('\n');
            var members = type.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(m => m is not MethodInfo { IsSpecialName: true } && m.GetCustomAttribute<CompilerGeneratedAttribute>() is null)
                .Select(m => "  " + m)
                .Order(StringComparer.Ordinal);
            foreach (var member in members)
            {
                builder.Append(member).Append('\n');
            }
        }

        return builder.ToString();
    }

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}

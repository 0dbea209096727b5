using System.CommandLine.Invocation;
using ObservabilityStack.Cli.Features;
using ObservabilityStack.Cli.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace ObservabilityStack.Cli.Tests.Commands.Samples;

/// <summary>docker-compose's sample services call the real <c>obs samples</c> command line, with keys the stack creates.</summary>
public sealed class ComposeSamplesTests
{
    private static readonly string Root = RepositoryLocator.FindAbove(RepositoryLocator.Marker, AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("tests run inside the repository");

    private static YamlMappingNode Service(string name)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine(Root, "docker-compose.yml"));
        stream.Load(reader);
        return (YamlMappingNode)((YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode)["services"])[name];
    }

    [Theory]
    [InlineData("shop", "shop-api")]
    [InlineData("crm", "crm-api")]
    [InlineData("mes", "mes-api")]
    public void EachSampleServiceCommandParsesAndReadsItsOwnKeyFromTheSecretsVolume(string sample, string serviceName)
    {
        var service = Service(sample);
        var command = ((YamlSequenceNode)service["command"]).Children.Select(c => c.ToString())
            // Compose substitutes ${VAR:-default} before the command runs.
            .Select(a => System.Text.RegularExpressions.Regex.Replace(a, @"\$\{[A-Z_]+:-([^}]*)\}", "$1"))
            .ToArray();
        command[..2].ShouldBe(["samples", sample]);
        var parse = CommandLine.Build(new CliHarness().CreateEnvironment()).Parse(command);
        parse.Errors.ShouldBeEmpty();
        parse.Action.ShouldNotBeOfType<ParseErrorAction>();
        command.ShouldContain(serviceName);

        var keyFile = ((YamlMappingNode)service["environment"])["OBS_GATEWAY_API_KEY_FILE"].ToString();
        keyFile.ShouldBe($"/secrets/{serviceName}-gateway-api-key");
        var script = File.ReadAllText(Path.Combine(Root, "deploy", "create-sample-keys.sh"));
        script.ShouldContain($"create {serviceName}-gateway-api-key --service {serviceName}");
        File.ReadAllText(Path.Combine(Root, "deploy", "Dockerfile")).ShouldContain("COPY deploy/create-sample-keys.sh /usr/local/bin/obs-sample-keys");
        ((YamlSequenceNode)Service("sample-keys")["entrypoint"]).Children.Single().ToString().ShouldBe("/usr/local/bin/obs-sample-keys");
    }

    [Fact]
    public void TrafficEntersAtTheShopOnly()
    {
        string Command(string name) => string.Join(' ', ((YamlSequenceNode)Service(name)["command"]).Children);
        Command("shop").ShouldContain("--traffic");
        Command("crm").ShouldNotContain("--traffic");
        Command("mes").ShouldNotContain("--traffic");
    }
}

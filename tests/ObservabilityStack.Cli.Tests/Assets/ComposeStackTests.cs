using System.Diagnostics;
using ObservabilityStack.Cli.Features;
using YamlDotNet.RepresentationModel;

namespace ObservabilityStack.Cli.Tests.Assets;

/// <summary>The docker-compose stack: valid for Debian's docker-compose, ordered by health, loopback-only, secured.</summary>
public sealed class ComposeStackTests
{
    private static readonly string Root = RepositoryLocator.FindAbove(RepositoryLocator.Marker, AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("tests run inside the repository");

    private static YamlMappingNode Services()
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine(Root, "docker-compose.yml"));
        stream.Load(reader);
        return (YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode)["services"];
    }

    [Fact]
    public async Task DockerComposeConfigAcceptsTheFile()
    {
        var info = new ProcessStartInfo("bash", ["scripts/compose-check.sh"])
        {
            WorkingDirectory = Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(info)!;
        var stdout = await process.StandardOutput.ReadToEndAsync();
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.ShouldBe(0, $"{stdout}{stderr} (docker-compose comes from scripts/install-test-deps.sh)");
        stdout.ShouldContain("docker-compose.yml: valid");
    }

    [Fact]
    public void TheGatewayAcceptsExactlyTheServicesBootstrapPrepares()
    {
        var environment = (YamlMappingNode)((YamlMappingNode)Services()["gateway"])["environment"];
        environment["Gateway__Provisioning__Mode"].ToString().ShouldBe("Refuse");
        var known = environment.Children
            .Where(e => e.Key.ToString().StartsWith("Gateway__Provisioning__KnownServices__", StringComparison.Ordinal))
            .Select(e => e.Value.ToString())
            .Order(StringComparer.Ordinal);

        var catalog = ObservabilityStack.Cli.Features.Bootstrap.ServicesFileLoader.Load(Path.Combine(Root, "config", "services.yaml"));
        known.ShouldBe(catalog.Services.Select(s => s.Name).Order(StringComparer.Ordinal),
            "docker-compose.yml's gateway list must match config/services.yaml (bootstrap prepares only those)");
    }

    [Fact]
    public void ElasticsearchKibanaAndOurPortsArePublishedOnLoopbackOnly()
    {
        foreach (var (name, service) in Services().Children)
        {
            if (((YamlMappingNode)service).Children.TryGetValue("ports", out var ports))
            {
                foreach (var port in ((YamlSequenceNode)ports).Children)
                {
                    port.ToString().ShouldStartWith("127.0.0.1:", customMessage: $"{name} publishes {port} beyond loopback");
                }
            }
        }
    }

    [Fact]
    public void EveryDependencyWaitsForHealthOrCompletion()
    {
        var services = Services();
        foreach (var (name, service) in services.Children)
        {
            if (!((YamlMappingNode)service).Children.TryGetValue("depends_on", out var dependsOn))
            {
                continue;
            }

            foreach (var (dependency, condition) in ((YamlMappingNode)dependsOn).Children)
            {
                var value = ((YamlMappingNode)condition)["condition"].ToString();
                value.ShouldBeOneOf(["service_healthy", "service_completed_successfully"], $"{name} -> {dependency}");
                if (value == "service_healthy")
                {
                    ((YamlMappingNode)services[dependency]).Children.ShouldContainKey(new YamlScalarNode("healthcheck"), $"{dependency} has no healthcheck");
                }
            }
        }
    }

    [Fact]
    public void TheSetupServiceRunsBootstrapAgainstTheSecuredClusterAndKibana()
    {
        var setup = (YamlMappingNode)Services()["setup"];
        var command = ((YamlSequenceNode)setup["command"]).Children.Select(c => c.ToString()).ToList();
        command[0].ShouldBe("bootstrap");
        command.ShouldContain("https://elasticsearch:9200");
        command.ShouldContain("https://kibana:5601");
        var config = File.ReadAllText(Path.Combine(Root, "elk", "elasticsearch", "elasticsearch.yml"));
        config.ShouldContain("xpack.security.enabled: true");
        config.ShouldContain("xpack.security.http.ssl:\n  enabled: true");
        File.ReadAllText(Path.Combine(Root, "elk", "kibana", "kibana.yml")).ShouldContain("server.ssl.enabled: true");
    }

    [Fact]
    public void TheGatewayServesHttpsWithTheComposeCertificateAndTheSamplesSendOverIt()
    {
        var services = Services();
        var gateway = (YamlMappingNode)services["gateway"];
        var environment = (YamlMappingNode)gateway["environment"];
        var certificate = environment["Kestrel__Certificates__Default__Path"].ToString();
        certificate.ShouldBe("/certs/gateway/gateway.crt");
        environment["Kestrel__Certificates__Default__KeyPath"].ToString().ShouldBe("/certs/gateway/gateway.key");
        var urls = ((YamlSequenceNode)gateway["command"]).Children.Select(c => c.ToString()).SkipWhile(c => c != "--urls").ElementAt(1).Split(';');
        urls.ShouldContain("https://0.0.0.0:8080");
        urls.Where(u => u.StartsWith("http://", StringComparison.Ordinal)).ShouldAllBe(u => u.StartsWith("http://127.0.0.1:", StringComparison.Ordinal),
            "plain HTTP only on the container's loopback (health check)");

        // The certs service issues that certificate (name "gateway") and lets the image's non-root user read its key.
        File.ReadAllText(Path.Combine(Root, "elk", "elasticsearch", "certs", "instances.yml")).ShouldContain("- name: gateway");
        var script = File.ReadAllText(Path.Combine(Root, "elk", "elasticsearch", "certs", "create-certs.sh"));
        script.ShouldContain("gateway/gateway.key");

        foreach (var sample in new[] { "shop", "crm", "mes" })
        {
            var service = (YamlMappingNode)services[sample];
            var command = ((YamlSequenceNode)service["command"]).Children.Select(c => c.ToString()).ToList();
            command[command.IndexOf("--gateway") + 1].ShouldBe("https://gateway:8080", sample);
            ((YamlMappingNode)service["environment"])["SSL_CERT_FILE"].ToString().ShouldBe("/certs/ca/ca.crt", sample);
        }
    }

    [Fact]
    public void OurImageIsMultiStageAndRunsAsANonRootUser()
    {
        var dockerfile = File.ReadAllLines(Path.Combine(Root, "deploy", "Dockerfile"));
        dockerfile.Count(l => l.StartsWith("FROM ", StringComparison.Ordinal)).ShouldBeGreaterThanOrEqualTo(2);
        var user = dockerfile.Last(l => l.StartsWith("USER ", StringComparison.Ordinal));
        user.ShouldNotContain("root");
        user.ShouldNotBe("USER 0");
        File.ReadAllText(Path.Combine(Root, ".env.example")).ShouldContain("ELASTIC_PASSWORD=");
    }
}

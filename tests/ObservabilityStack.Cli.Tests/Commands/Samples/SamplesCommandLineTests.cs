using ObservabilityStack.Cli.Core;
using ObservabilityStack.Cli.Tests.Support;

namespace ObservabilityStack.Cli.Tests.Commands.Samples;

public sealed class SamplesCommandLineTests
{
    [Fact]
    public async Task HelpListsTheServicesAndEveryOption()
    {
        var cli = new CliHarness();
        (await cli.RunAsync("samples", "--help")).ShouldBe(ExitCodes.Ok);
        var help = cli.Out.ToString();
        foreach (var expected in new[] { "shop", "crm", "mes", "--urls", "--gateway", "--gateway-api-key-file", "--elasticsearch", "--downstream",
                     "--service-name", "--environment", "--traffic", "--rate", "--error-rate", "--chaos-every", "OBS_GATEWAY_API_KEY" })
        {
            help.ShouldContain(expected);
        }
    }

    [Theory]
    [InlineData("shop", "--gateway", "http://127.0.0.1:9")]
    public async Task AGatewayWithoutAnApiKeySaysWhereTheKeyComesFrom(params string[] args)
    {
        var cli = new CliHarness();
        (await cli.RunAsync(["samples", .. args])).ShouldBe(ExitCodes.Usage);
        cli.Error.ToString().ShouldContain("OBS_GATEWAY_API_KEY");
        cli.Error.ToString().ShouldContain("obs keys create --service shop");
    }

    [Theory]
    [InlineData("Traffic enters the order flow at the shop", "crm", "--traffic")]
    [InlineData("add --traffic", "shop", "--rate", "5")]
    [InlineData("--rate", "shop", "--traffic", "--rate", "0")]
    [InlineData("--error-rate", "shop", "--traffic", "--error-rate", "1.5")]
    [InlineData("--chaos-every", "shop", "--traffic", "--chaos-every", "0")]
    [InlineData("no --downstream", "mes", "--downstream", "http://127.0.0.1:5081")]
    [InlineData("is not an http(s) URL", "shop", "--downstream", "crm:5081")]
    [InlineData("is not an http(s) URL", "shop", "--urls", "5080")]
    [InlineData("not both", "shop", "--gateway", "http://127.0.0.1:9", "--elasticsearch", "http://127.0.0.1:9200")]
    [InlineData("needs --gateway", "shop", "--gateway-api-key-file", "key")]
    [InlineData("SSL_CERT_FILE", "shop", "--ca-cert", "ca.crt")]
    public async Task BadOptionsGetAClearMessageAndTheUsageExitCode(string message, params string[] args)
    {
        var cli = new CliHarness();
        (await cli.RunAsync(["samples", .. args])).ShouldBe(ExitCodes.Usage);
        cli.Error.ToString().ShouldContain(message);
        cli.Error.ToString().ShouldNotContain("   at ");
    }

    [Fact]
    public async Task AnUnknownSampleIsAUsageError()
    {
        var cli = new CliHarness();
        (await cli.RunAsync("samples", "billing")).ShouldBe(ExitCodes.Usage);
        cli.Error.ToString().ShouldContain("billing");
    }

    [Fact]
    public async Task AnEmptyOrMissingKeyFileIsRefusedWithItsPath()
    {
        var empty = Path.GetTempFileName();
        try
        {
            var cli = new CliHarness().With("OBS_GATEWAY_API_KEY_FILE", empty);
            (await cli.RunAsync("samples", "shop", "--gateway", "http://127.0.0.1:9")).ShouldBe(ExitCodes.Usage);
            cli.Error.ToString().ShouldContain($"'{empty}' is empty");

            var missing = new CliHarness();
            (await missing.RunAsync("samples", "shop", "--gateway", "http://127.0.0.1:9", "--gateway-api-key-file", empty + ".missing")).ShouldBe(ExitCodes.Usage);
            missing.Error.ToString().ShouldContain("Cannot read the gateway API key file");
        }
        finally
        {
            File.Delete(empty);
        }
    }
}

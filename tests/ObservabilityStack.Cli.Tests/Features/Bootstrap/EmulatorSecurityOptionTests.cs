using ObservabilityStack.Cli.Core;
using ObservabilityStack.Cli.Tests.Support;

namespace ObservabilityStack.Cli.Tests.Features.Bootstrap;

public sealed class EmulatorSecurityOptionTests
{
    [Fact]
    public async Task TheEmulatorRefusesSecurityWithoutAPasswordForElasticAndSaysWhereItComesFrom()
    {
        var cli = new CliHarness();
        (await cli.RunAsync("emulator", "--port", "0", "--security")).ShouldBe(ExitCodes.Usage);
        cli.Error.ToString().ShouldContain("ELASTIC_PASSWORD");
    }
}

using ObservabilityStack.Cli.Core;
using ObservabilityStack.Cli.Features.Bootstrap;

namespace ObservabilityStack.Cli.Tests.Features.Bootstrap;

public sealed class ServicesFileLoaderTests : IDisposable
{
    private readonly string _file = Path.GetTempFileName();

    public void Dispose() => File.Delete(_file);

    [Fact]
    public void TheShippedFileListsTheSixServicesWithDefaultsApplied()
    {
        var catalog = ServicesFileLoader.Load(Path.Combine(AppContext.BaseDirectory, "config", "services.yaml"));
        catalog.Services.Select(s => s.Name).ShouldBe(["shop-frontend", "shop-api", "crm-frontend", "crm-api", "mes-frontend", "mes-api"]);
        catalog.Services.Single(s => s.Name == "shop-api").RetentionDays.ShouldBe(14);
        catalog.Services.Single(s => s.Name == "shop-frontend").RetentionDays.ShouldBe(7);
        catalog.Services.ShouldAllBe(s => s.Environments.Contains("production"));
        catalog.Services.Single(s => s.Name == "mes-api").Owner.ShouldBe("manufacturing-team");
    }

    [Fact]
    public void AServiceWithoutRetentionGetsFourteenDays()
    {
        File.WriteAllText(_file, "services:\n  - name: billing\n");
        var service = ServicesFileLoader.Load(_file).Services.Single();
        service.RetentionDays.ShouldBe(14);
        service.Environments.ShouldBe(["production"]);
    }

    [Theory]
    [InlineData("services:\n  - name: Shop API\n", "lower-case")]
    [InlineData("services:\n  - name: a\n  - name: a\n", "listed twice")]
    [InlineData("services:\n  - name: a\n    retention_days: 0\n", "1-3650")]
    [InlineData("services: []\n", "no services")]
    [InlineData("services:\n  - name: [unclosed\n", "line")]
    [InlineData("services:\n  - name: deadletter\n", "deadletter")]
    public void MistakesAreUsageErrorsNamingTheFile(string yaml, string expected)
    {
        File.WriteAllText(_file, yaml);
        var error = Should.Throw<CliException>(() => ServicesFileLoader.Load(_file));
        error.ExitCode.ShouldBe(ExitCodes.Usage);
        error.Message.ShouldContain(_file);
        error.Message.ShouldContain(expected);
    }

    [Fact]
    public void AMissingFileSaysWhichOptionToUse()
    {
        var error = Should.Throw<CliException>(() => ServicesFileLoader.Load(_file + ".missing"));
        error.Message.ShouldContain("--services");
    }
}

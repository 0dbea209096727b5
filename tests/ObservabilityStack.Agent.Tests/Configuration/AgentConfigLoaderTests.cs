using ObservabilityStack.Agent.Configuration;
using ObservabilityStack.Agent.Tests.Support;
using ObservabilityStack.Tests.Shared;

namespace ObservabilityStack.Agent.Tests.Configuration;

public sealed class AgentConfigLoaderTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public void TheSeedAgentsEnvFileCarriesOverWithItsNames()
    {
        var options = Load("""
            # from the old agent
            SOURCE=servidor_centos6
            LOG_FILE=/var/log/mi_app.log
            API_URL=http://logs.example:8080/
            API_TOKEN="secret token"
            BATCH_INTERVAL=0.5
            RETRY_DELAY=2
            STATE_FILE=/var/run/log_agent.state
            """);

        options.Source.ShouldBe("servidor_centos6");
        options.Files.ShouldBe(["/var/log/mi_app.log"]);
        options.GatewayUrl.ShouldBe(new Uri("http://logs.example:8080/"));
        options.ApiKey.ShouldBe("secret token");
        options.BatchInterval.ShouldBe(TimeSpan.FromMilliseconds(500));
        options.RetryDelay.ShouldBe(TimeSpan.FromSeconds(2));
        options.StateFile.ShouldBe("/var/run/log_agent.state");
        options.DeadLetterFile.ShouldBe("/var/run/dead-letter.ndjson");
    }

    [Fact]
    public void SeveralFilesCommandsAndRelativePathsAreRead()
    {
        var options = Load("""
            SOURCE=mx1
            GATEWAY_URL=https://logs.example
            API_KEY=k
            LOG_FILE=logs/a.log, logs/*.txt
            LOG_FILE_MAIL=/var/log/mail.log
            PARSER=mail
            MULTILINE=none
            COMMAND_DISK="df -h"
            COMMAND_DISK_EVERY=5m
            """);

        options.Files.ShouldBe([_dir.File("logs/a.log"), _dir.File("logs/*.txt"), "/var/log/mail.log"]);
        options.Parser.ShouldBe(ParserKind.Mail);
        options.JoinIndentedLines.ShouldBeFalse();
        options.Commands.ShouldHaveSingleItem().ShouldBe(new PeriodicCommand("disk", "df -h", TimeSpan.FromMinutes(5)));
        options.StateFile.ShouldBe(_dir.File("agent-data/state.json"));
    }

    [Fact]
    public void TheKeyCanComeFromAFileOrTheEnvironmentInsteadOfTheConfig()
    {
        File.WriteAllText(_dir.File("key"), "from-file\n");
        Load("SOURCE=a\nGATEWAY_URL=http://g\nLOG_FILE=x\nAPI_KEY_FILE=key").ApiKey.ShouldBe("from-file");
        Load("SOURCE=a\nGATEWAY_URL=http://g\nLOG_FILE=x", name => name == AgentConfigLoader.ApiKeyVariable ? "from-env" : null).ApiKey.ShouldBe("from-env");
    }

    [Fact]
    public void EveryProblemIsReportedWithItsLineAndKey()
    {
        var e = Should.Throw<AgentConfigException>(() => Load("""
            SOURCE=a
            GATEWAY_URL=ftp://nope
            LOG_FILE=x
            API_KEY=k
            BATCH_INTERVAL=fast
            BATCH_SIZE=0
            PARSER=xml
            MAX_RETRIES=5
            LOGFILE=typo
            COMMAND_X_EVERY=10
            """));

        e.Errors.ShouldContain("agent.env:2: GATEWAY_URL: 'ftp://nope' is not an http(s) URL");
        e.Errors.ShouldContain("agent.env:5: BATCH_INTERVAL: 'fast' is not a number of seconds (or a duration like 30s, 5m, 1h)");
        e.Errors.ShouldContain("agent.env:6: BATCH_SIZE: '0' is not a whole number from 1 to 10000");
        e.Errors.ShouldContain("agent.env:7: PARSER: 'xml' is not one of auto, plain, json, mail");
        e.Errors.ShouldContain(x => x.StartsWith("agent.env:8: MAX_RETRIES: the agent never gives up", StringComparison.Ordinal));
        e.Errors.ShouldContain(x => x.StartsWith("agent.env:9: LOGFILE: unknown setting", StringComparison.Ordinal));
        e.Errors.ShouldContain("agent.env:10: COMMAND_X_EVERY: there is no COMMAND_X to schedule");
    }

    [Fact]
    public void MissingRequiredSettingsSayWhatTheyAreFor()
    {
        var e = Should.Throw<AgentConfigException>(() => Load("BATCH_SIZE=10\nbroken line"));

        e.Errors.ShouldContain("agent.env:2: expected KEY=VALUE, found 'broken line'");
        e.Errors.ShouldContain(x => x.Contains("nothing to ship", StringComparison.Ordinal));
        e.Errors.ShouldContain(x => x.Contains("SOURCE is required", StringComparison.Ordinal));
        e.Errors.ShouldContain(x => x.Contains("GATEWAY_URL is required", StringComparison.Ordinal));
        e.Errors.ShouldContain(x => x.Contains("API_KEY is required", StringComparison.Ordinal));
    }

    [Fact]
    public void TheGatewayCaMustBeAReadableCertificate()
    {
        using var ca = ObservabilityStack.Tests.Shared.TestCertificates.CreateCa("agent loader CA");
        File.WriteAllText(_dir.File("ca.crt"), ca.ExportCertificatePem());
        Load("SOURCE=a\nGATEWAY_URL=https://g\nLOG_FILE=x\nAPI_KEY=k\nGATEWAY_CA_CERT=ca.crt").GatewayCaCertificate.ShouldBe(_dir.File("ca.crt"));

        File.WriteAllText(_dir.File("junk.crt"), "not a certificate");
        var e = Should.Throw<AgentConfigException>(() => Load("SOURCE=a\nGATEWAY_URL=https://g\nLOG_FILE=x\nAPI_KEY=k\nGATEWAY_CA_CERT=junk.crt\n"));
        e.Errors.ShouldContain(x => x.StartsWith("agent.env:5: GATEWAY_CA_CERT: ", StringComparison.Ordinal) && x.Contains("is not a PEM or DER certificate", StringComparison.Ordinal));
        var missing = Should.Throw<AgentConfigException>(() => Load("SOURCE=a\nGATEWAY_URL=https://g\nLOG_FILE=x\nAPI_KEY=k\nGATEWAY_CA_CERT=none.crt\n"));
        missing.Errors.ShouldContain(x => x.Contains("none.crt does not exist", StringComparison.Ordinal));
    }

    [Fact]
    public void AMissingFileIsAClearError() =>
        Should.Throw<AgentConfigException>(() => AgentConfigLoader.Load(_dir.File("none.env"))).Message.ShouldContain("no such file");

    private AgentOptions Load(string text, Func<string, string?>? environment = null)
    {
        var path = _dir.File("agent.env");
        File.WriteAllText(path, text);
        return AgentConfigLoader.Load(path, environment ?? (_ => null));
    }

    public void Dispose() => _dir.Dispose();
}

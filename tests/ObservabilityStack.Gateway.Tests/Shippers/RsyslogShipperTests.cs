using System.Diagnostics;
using System.Text.Json;
using ObservabilityStack.Gateway.Auth;
using ObservabilityStack.Gateway.Tests.Support;

namespace ObservabilityStack.Gateway.Tests.Shippers;

/// <summary>rsyslog's own omelasticsearch (Debian rsyslog-elasticsearch) ships a tailed file through the gateway's /_bulk.</summary>
public class RsyslogShipperTests
{
    [Fact]
    public async Task RsyslogOmelasticsearchShipsAFileThroughTheBulkApiWithBasicAuth()
    {
        await using var es = await TestElasticsearch.StartNewAsync();
        await using var gateway = await TestGateway.StartAsync(elasticsearch: es.Url);
        var work = Path.Combine(gateway.Directory, "rsyslog");
        Directory.CreateDirectory(work);
        var logFile = Path.Combine(work, "mail.log");
        var lines = Enumerable.Range(0, 25).Select(i => $"postfix/smtp[{1000 + i}]: message {i} delivered to user{i}@example.com").ToArray();
        await File.WriteAllLinesAsync(logFile, lines);
        var conf = Path.Combine(work, "rsyslog.conf");
        await File.WriteAllTextAsync(conf, $$"""
            global(workDirectory="{{work}}")
            module(load="imfile" mode="polling" PollingInterval="1")
            module(load="omelasticsearch")
            input(type="imfile" File="{{logFile}}" Tag="mail:" ruleset="toGateway" freshStartTail="off")
            ruleset(name="toGateway") {
              action(type="omelasticsearch" server="127.0.0.1" serverport="{{gateway.Host.Url.Port}}"
                     searchIndex="mail" bulkmode="on" uid="rsyslog" pwd="{{gateway.Key}}" usehttps="off"
                     errorfile="{{work}}/es-errors.json" action.resumeRetryCount="-1")
            }
            """);
        var rsyslogd = File.Exists("/usr/sbin/rsyslogd") ? "/usr/sbin/rsyslogd" : "rsyslogd";
        using var process = Process.Start(new ProcessStartInfo(rsyslogd, ["-n", "-f", conf, "-i", Path.Combine(work, "rsyslogd.pid")])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (await es.CountAsync("logs-shop_api-production") < lines.Length && DateTime.UtcNow < deadline && !process.HasExited)
            {
                await Task.Delay(100);
            }
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        var documents = await es.DocumentsAsync("logs-shop_api-production");
        documents.Count.ShouldBe(lines.Length, $"rsyslog stderr: {await process.StandardError.ReadToEndAsync()}");
        var messages = documents.Values.Select(d => JsonDocument.Parse(d).RootElement.GetProperty("message").GetString()).ToList();
        messages.ShouldContain(m => m!.Contains("message 7 delivered", StringComparison.Ordinal));
        File.Exists(Path.Combine(work, "es-errors.json")).ShouldBeFalse();
        ApiKeys.IdOf(gateway.Key).ShouldNotBeNull();
    }
}

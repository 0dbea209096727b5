using System.Text.Json;
using ObservabilityStack.Cli.Commands.Logs;

namespace ObservabilityStack.Cli.Tests.Commands.Logs;

public sealed class LogLineFormatterTests
{
    [Fact]
    public void DottedAndNestedFieldsAreBothRead()
    {
        using var doc = JsonDocument.Parse("""{"log.level":"warn","service":{"name":"crm-api"},"order":{"id":"o-1"}}""");
        LogLineFormatter.Get(doc.RootElement, "log.level").ShouldBe("warn");
        LogLineFormatter.Get(doc.RootElement, "service.name").ShouldBe("crm-api");
        LogLineFormatter.Get(doc.RootElement, "order.id").ShouldBe("o-1");
        LogLineFormatter.Get(doc.RootElement, "trace.id").ShouldBeNull();
    }

    [Fact]
    public void MarkupInMessagesIsEscapedSoItCannotBreakTheOutput()
    {
        using var doc = JsonDocument.Parse("""{"@timestamp":"2026-11-21T10:00:00Z","message":"[red]x[/] [oops","service.name":"shop-api"}""");
        var line = LogLineFormatter.Format(doc.RootElement);
        line.ShouldContain("[[red]]x[[/]] [[oops");
        Should.NotThrow(() => new Spectre.Console.Markup(line));
    }

    [Fact]
    public void IdsAndErrorsAreAppended()
    {
        using var doc = JsonDocument.Parse("""{"message":"failed","order.id":"o-7","error":{"type":"TimeoutException"},"http.response.status_code":503}""");
        var line = LogLineFormatter.Format(doc.RootElement);
        line.ShouldContain("o-7");
        line.ShouldContain("TimeoutException");
        line.ShouldContain("503");
    }
}

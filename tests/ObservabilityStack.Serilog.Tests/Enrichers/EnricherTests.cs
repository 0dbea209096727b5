using System.Diagnostics;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using ObservabilityStack.Serilog.Context;
using ObservabilityStack.Serilog.Enrichers;
using ObservabilityStack.Serilog.Tests.Support;
using Serilog;
using Serilog.Events;

namespace ObservabilityStack.Serilog.Tests.Enrichers;

public class EnricherTests
{
    [Fact]
    public void ServiceInfoAddsNameVersionEnvironmentDatasetHostAndProcess()
    {
        var document = Json.Document(Enrich(c => c.Enrich.WithServiceInfo("Shop-API", "2.0.1", "staging")));

        document["service"]!["name"]!.GetValue<string>().ShouldBe("Shop-API");
        document["service"]!["version"]!.GetValue<string>().ShouldBe("2.0.1");
        document["service"]!["environment"]!.GetValue<string>().ShouldBe("staging");
        document["event"]!["dataset"]!.GetValue<string>().ShouldBe("shop_api");
        document["host"]!["name"]!.GetValue<string>().ShouldBe(Environment.MachineName);
        document["process"]!["pid"]!.GetValue<int>().ShouldBe(Environment.ProcessId);
    }

    [Fact]
    public void TraceContextTakesTheIdsOfTheCurrentActivity()
    {
        using var activity = new Activity("test").SetIdFormat(ActivityIdFormat.W3C).Start();

        var document = Json.Document(Enrich(c => c.Enrich.WithTraceContext()));

        document["trace"]!["id"]!.GetValue<string>().ShouldBe(activity.TraceId.ToHexString());
        document["span"]!["id"]!.GetValue<string>().ShouldBe(activity.SpanId.ToHexString());
    }

    [Fact]
    public void TraceContextAddsNothingOutsideAnActivity()
    {
        Activity.Current = null;

        Enrich(c => c.Enrich.WithTraceContext()).Properties.ContainsKey("TraceId").ShouldBeFalse();
    }

    [Fact]
    public void CorrelationIdComesFromTheCurrentScope()
    {
        using (CorrelationContext.Begin("corr-1"))
        {
            Json.Document(Enrich(c => c.Enrich.WithCorrelationId()))["labels"]!["correlation_id"]!.GetValue<string>().ShouldBe("corr-1");
        }

        CorrelationContext.Current.ShouldBeNull();
    }

    [Fact]
    public async Task OrderScopesNestFlowThroughAwaitsAndRestore()
    {
        using (OrderContext.Begin("outer"))
        {
            using (OrderContext.Begin("inner"))
            {
                await Task.Yield();
                Enrich(c => c.Enrich.WithOrderContext()).Properties["OrderId"].ShouldBe(new ScalarValue("inner"));
            }

            Enrich(c => c.Enrich.WithOrderContext()).Properties["OrderId"].ShouldBe(new ScalarValue("outer"));
        }

        Enrich(c => c.Enrich.WithOrderContext()).Properties.ContainsKey("OrderId").ShouldBeFalse();
    }

    [Fact]
    public void UserIdComesFromTheAuthenticatedPrincipal()
    {
        var accessor = new HttpContextAccessor
        {
            HttpContext = new DefaultHttpContext
            {
                User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "u-7")], "test")),
            },
        };

        var logEvent = Enrich(c => c.Enrich.With(new UserIdEnricher(accessor)));

        Json.Document(logEvent)["user"]!["id"]!.GetValue<string>().ShouldBe("u-7");
    }

    [Fact]
    public void AnonymousUsersGetNoUserId()
    {
        var accessor = new HttpContextAccessor { HttpContext = new DefaultHttpContext() };

        Enrich(c => c.Enrich.With(new UserIdEnricher(accessor))).Properties.ContainsKey("UserId").ShouldBeFalse();
    }

    [Fact]
    public void EventIdsAreUniqueAndSortByTime()
    {
        var ids = Enumerable.Range(0, 1000)
            .Select(i => new LogEvent(Some.Timestamp.AddMilliseconds(i), LogEventLevel.Information, null, Some.Information().MessageTemplate, []))
            .Select(EventIdEnricher.Ensure)
            .Select(g => g.ToString("N"))
            .ToList();

        ids.Distinct().Count().ShouldBe(1000);
        ids.ShouldBe(ids.Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public void AnExistingEventIdIsKept()
    {
        var logEvent = Some.Information();
        var first = EventIdEnricher.Ensure(logEvent);

        EventIdEnricher.Ensure(logEvent).ShouldBe(first);
    }

    private static LogEvent Enrich(Action<LoggerConfiguration> configure)
    {
        var sink = new CapturingSink();
        var configuration = new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(sink);
        configure(configuration);
        using (var logger = configuration.CreateLogger())
        {
            logger.Information("Order {Number} created", 1);
        }

        return sink.Events.Single();
    }
}

using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ObservabilityStack.Gateway.Metrics;

namespace ObservabilityStack.Gateway.Apis;

/// <summary><c>GET /</c> (Elasticsearch-like root for shippers' version checks), health and metrics.</summary>
internal static class OperationsApi
{
    private static readonly TimeSpan s_readyWindow = TimeSpan.FromSeconds(30);

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapMethods("/", ["GET", "HEAD"], Root);
        routes.MapGet("/health/live", () => Results.Text("ok"));
        routes.MapGet("/health/ready", Ready);
        routes.MapGet("/metrics", (GatewayRuntime runtime, Tickets.TicketService tickets) =>
            Results.Text(PrometheusWriter.Render(runtime.Metrics, runtime.Wal, runtime.Intake, runtime.QueuedEvents) + tickets.RenderMetrics(), "text/plain; version=0.0.4"));
    }

    private static IResult Root(HttpContext context)
    {
        // Shippers (Filebeat, Logstash, Vector, Fluent Bit) check these fields and this header before sending.
        context.Response.Headers["X-Elastic-Product"] = "Elasticsearch";
        return Results.Json(new
        {
            name = "obs-gateway",
            cluster_name = "obs-gateway",
            cluster_uuid = "obs-gateway",
            version = new
            {
                number = "8.17.0",
                build_flavor = "default",
                build_type = "obs",
                lucene_version = "9.12.0",
                minimum_wire_compatibility_version = "7.17.0",
                minimum_index_compatibility_version = "7.0.0",
            },
            tagline = "You Know, for Search",
        });
    }

    private static IResult Ready(GatewayRuntime runtime, Tickets.TicketService tickets)
    {
        var problems = new List<string>();
        var wal = runtime.Wal;
        if (wal.QueuedBytes > wal.MaxBytes * runtime.Options.Wal.HighWaterMark)
        {
            problems.Add($"write-ahead log above its high-water mark ({wal.QueuedBytes} of {wal.MaxBytes} bytes)");
        }

        var last = runtime.Metrics.LastElasticsearchSuccessTicks;
        var reachable = last != 0 && runtime.Clock.GetElapsedTime(last) < s_readyWindow;
        if (!reachable && runtime.Metrics.BulkFailures > 0)
        {
            problems.Add("Elasticsearch has not answered a bulk request successfully in the last 30 seconds");
        }

        if (tickets.DiskProblem() is { } disk)
        {
            problems.Add(disk);
        }

        var body = JsonSerializer.Serialize(new { ready = problems.Count == 0, problems });
        return Results.Content(body, "application/json", statusCode: problems.Count == 0 ? 200 : 503);
    }
}

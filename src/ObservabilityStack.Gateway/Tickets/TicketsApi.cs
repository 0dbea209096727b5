using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using ObservabilityStack.Elasticsearch;
using ObservabilityStack.Gateway.Apis;
using ObservabilityStack.Gateway.Intake;

namespace ObservabilityStack.Gateway.Tickets;

/// <summary>
/// <c>/v1/tickets</c>: staff endpoints behind an admin key (create, list, show, solve, delete, download) and
/// the customers' upload endpoint behind a ticket token (<c>PUT|POST /v1/tickets/upload[/{name}]</c>).
/// </summary>
internal static class TicketsApi
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapMethods("/v1/tickets/upload", ["PUT", "POST"], (HttpContext c, GatewayRuntime r, TicketService t) => UploadAsync(c, r, t, null));
        routes.MapMethods("/v1/tickets/upload/{name}", ["PUT", "POST"], (HttpContext c, GatewayRuntime r, TicketService t, string name) => UploadAsync(c, r, t, name));
        routes.MapPost("/v1/tickets", CreateAsync);
        routes.MapGet("/v1/tickets", (HttpContext c, GatewayRuntime r, TicketService t) =>
            Admin(c, r, () => Results.Json(t.List(), TicketJsonContext.Default.ListTicketView)));
        routes.MapGet("/v1/tickets/{ticket}", (HttpContext c, GatewayRuntime r, TicketService t, string ticket) =>
            Admin(c, r, () => Results.Json(t.Get(ticket), TicketJsonContext.Default.TicketView)));
        routes.MapPost("/v1/tickets/{ticket}/solve", (HttpContext c, GatewayRuntime r, TicketService t, string ticket) =>
            Admin(c, r, () => Results.Json(t.Solve(ticket), TicketJsonContext.Default.TicketView)));
        routes.MapDelete("/v1/tickets/{ticket}", DeleteAsync);
        routes.MapGet("/v1/tickets/{ticket}/uploads/{upload}", Download);
    }

    private static async Task<IResult> CreateAsync(HttpContext context, GatewayRuntime runtime, TicketService tickets)
    {
        if (TicketAdminGuard.Check(context, runtime) is { } refusal)
        {
            return refusal;
        }

        CreateTicketRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync(context.Request.Body, TicketJsonContext.Default.CreateTicketRequest, context.RequestAborted);
        }
        catch (JsonException ex)
        {
            return Answers.Error(400, new RejectReason("invalid_json", $"the body is not a ticket request: {ex.Message}"));
        }

        return Guarded(() =>
        {
            var baseUrl = new Uri($"{context.Request.Scheme}://{context.Request.Host}");
            var created = tickets.Create(request ?? new CreateTicketRequest(), baseUrl);
            return Results.Json(created, TicketJsonContext.Default.CreatedTicket, statusCode: 201);
        });
    }

    private static async Task<IResult> DeleteAsync(HttpContext context, GatewayRuntime runtime, TicketService tickets, ElasticsearchClient client, string ticket)
    {
        if (TicketAdminGuard.Check(context, runtime) is { } refusal)
        {
            return refusal;
        }

        try
        {
            return Results.Json(await tickets.DeleteAsync(ticket, client, context.RequestAborted), TicketJsonContext.Default.DeletedTicket);
        }
        catch (TicketRefusal ex)
        {
            return Answers.Error(ex.Status, new RejectReason(ex.Kind, ex.Message));
        }
    }

    private static IResult Download(HttpContext context, GatewayRuntime runtime, TicketService tickets, string ticket, string upload) =>
        Admin(context, runtime, () =>
        {
            var (path, record) = tickets.Download(ticket, upload);
            context.Response.Headers["X-Checksum-Sha256"] = record.Sha256;
            return TypedResults.PhysicalFile(path, "application/octet-stream", record.FileName);
        });

    private static async Task<IResult> UploadAsync(HttpContext context, GatewayRuntime runtime, TicketService tickets, string? name)
    {
        var client = runtime.Network.ClientAddress(context);
        if (!runtime.Network.IsTrusted(client))
        {
            return Refuse(runtime, tickets, new TicketRefusal(403, "untrusted_network", $"client address {client} is not in the trusted networks"));
        }

        var rates = runtime.Options.RateLimits;
        if (!runtime.Limiters.TryAcquire("ticket-ip:" + client, rates.BrowserRequestsPerSecondPerIp, rates.BrowserBurstPerIp))
        {
            return Refuse(runtime, tickets, new TicketRefusal(429, "rate_limited", "too many uploads from this address; wait a second"));
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = null; // the upload limit is ours (413 with a reason), not Kestrel's
        }

        try
        {
            var receipt = await tickets.UploadAsync(context.Request.Headers.Authorization.ToString(), context.Request.Body,
                context.Request.ContentLength, name ?? context.Request.Query["name"].ToString(), context.RequestAborted);
            return Results.Json(receipt, TicketJsonContext.Default.UploadReceipt, statusCode: 201);
        }
        catch (TicketRefusal ex)
        {
            return Refuse(runtime, tickets, ex);
        }
    }

    private static IResult Refuse(GatewayRuntime runtime, TicketService tickets, TicketRefusal refusal)
    {
        tickets.Metrics.AddRejected(refusal.Kind);
        TicketLog.UploadRefused(runtime.Logger, refusal.Status, refusal.Kind, refusal.Message);
        return Answers.Error(refusal.Status, new RejectReason(refusal.Kind, refusal.Message), refusal.Status == 429 ? 1 : 0);
    }

    private static IResult Admin(HttpContext context, GatewayRuntime runtime, Func<IResult> action) =>
        TicketAdminGuard.Check(context, runtime) ?? Guarded(action);

    private static IResult Guarded(Func<IResult> action)
    {
        try
        {
            return action();
        }
        catch (TicketRefusal ex)
        {
            return Answers.Error(ex.Status, new RejectReason(ex.Kind, ex.Message));
        }
    }
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using ObservabilityStack.Samples.Common;
using ObservabilityStack.Serilog.Context;

namespace ObservabilityStack.Samples.Crm;

/// <summary>Customer orders: registered from the shop, forwarded to the MES.</summary>
internal static partial class CustomerOrdersApi
{
    public static void MapCustomerOrders(this IEndpointRouteBuilder app)
    {
        var orders = app.MapGroup("/api/orders");
        orders.MapPost("/", CreateAsync);
        orders.MapGet("/{id}", Read);
        orders.MapPost("/{id}/status", ChangeStatusAsync);
    }

    private static async Task<IResult> CreateAsync(OrderRequest request, OrderStore store, IHttpClientFactory http,
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger("Crm.CustomerOrders");
        var problem = request.Problem() ?? (request.OrderId is null ? "orderId is required" : null);
        if (problem is not null || request.OrderId is null)
        {
            return Results.BadRequest(new { error = "invalid_order", reason = problem ?? "orderId is required" });
        }

        using var scope = OrderContext.Begin(request.OrderId);
        LogCustomerLookup(logger, request.UserId!);
        if (request.Total > 1000)
        {
            LogCreditCheck(logger, request.UserId!, request.Total);
        }

        store.Save(request.OrderId, request.UserId!, request.Lines!, request.Total, "registered");
        logger.OrderCreated(request.OrderId, request.UserId!, request.Total, request.Lines!.Count);
        if (await Downstream.PostAsync(http, "Mes", "/api/work-orders", request, logger, cancellationToken) is { } failure)
        {
            return Results.Json(new { error = "mes_unavailable", reason = failure }, statusCode: StatusCodes.Status502BadGateway);
        }

        var changed = store.ChangeStatus(request.OrderId, "in_production")!.Value;
        logger.OrderStatusChanged(request.OrderId, request.UserId!, changed.Before.Status, changed.After.Status);
        return Results.Created($"/api/orders/{request.OrderId}", changed.After);
    }

    private static IResult Read(string id, OrderStore store, ILoggerFactory loggers) =>
        OrderEndpoints.Read(id, store, loggers.CreateLogger("Crm.CustomerOrders"));

    private static Task<IResult> ChangeStatusAsync(string id, StatusRequest request, OrderStore store, IHttpClientFactory http,
        ILoggerFactory loggers, CancellationToken cancellationToken) =>
        OrderEndpoints.ChangeStatusAndForwardAsync(id, request, store, loggers.CreateLogger("Crm.CustomerOrders"), http, "Mes",
            $"/api/work-orders/{id}/status", cancellationToken);

    [LoggerMessage(4001, LogLevel.Trace, "Looking up customer {UserId}")]
    private static partial void LogCustomerLookup(ILogger logger, string userId);

    [LoggerMessage(4002, LogLevel.Warning, "Customer {UserId} ordered {Total} without a credit limit on file")]
    private static partial void LogCreditCheck(ILogger logger, string userId, decimal total);
}

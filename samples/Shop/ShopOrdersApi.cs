using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using ObservabilityStack.Samples.Common;
using ObservabilityStack.Serilog.Context;

namespace ObservabilityStack.Samples.Shop;

/// <summary>The shop's order API: create, read, edit, change status; creation and status changes flow on to the CRM.</summary>
internal static partial class ShopOrdersApi
{
    public static void MapShopOrders(this IEndpointRouteBuilder app)
    {
        var orders = app.MapGroup("/api/orders");
        orders.MapPost("/", CreateAsync);
        orders.MapGet("/{id}", Read);
        orders.MapPut("/{id}", Edit);
        orders.MapPost("/{id}/status", ChangeStatusAsync);
    }

    private static async Task<IResult> CreateAsync(OrderRequest request, OrderStore store, IHttpClientFactory http,
        ILoggerFactory loggers, TimeProvider clock, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger("Shop.Orders");
        if (request.Problem() is { } problem)
        {
            LogInvalid(logger, problem);
            return Results.BadRequest(new { error = "invalid_order", reason = problem });
        }

        // Hex time and a letter before the random part: no run of 13+ digits, which card-number redaction would mask
        // (a decimal "ord-1795328232413-9943" passed the Luhn check now and then and was logged as "ord-***").
        var id = "ord-" + clock.GetUtcNow().ToUnixTimeMilliseconds().ToString("x", CultureInfo.InvariantCulture) + "-r" + Random.Shared.Next(1000, 9999).ToString(CultureInfo.InvariantCulture);
        using var scope = OrderContext.Begin(id);
        LogPricing(logger, request.Lines!.Count, request.Total);
        var order = store.Save(id, request.UserId!, request.Lines!, request.Total, "created");
        logger.OrderCreated(id, order.UserId, order.Total, order.Lines.Count);
        if (await Downstream.PostAsync(http, "Crm", "/api/orders", request with { OrderId = id }, logger, cancellationToken) is { } failure)
        {
            return Results.Json(new { error = "crm_unavailable", reason = failure, orderId = id }, statusCode: StatusCodes.Status502BadGateway);
        }

        var changed = store.ChangeStatus(id, "confirmed")!.Value;
        logger.OrderStatusChanged(id, order.UserId, changed.Before.Status, changed.After.Status);
        return Results.Created($"/api/orders/{id}", changed.After);
    }

    private static IResult Read(string id, OrderStore store, ILoggerFactory loggers) =>
        OrderEndpoints.Read(id, store, loggers.CreateLogger("Shop.Orders"));

    private static IResult Edit(string id, OrderRequest request, OrderStore store, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger("Shop.Orders");
        using var scope = OrderContext.Begin(id);
        if (request.Problem() is { } problem)
        {
            LogInvalid(logger, problem);
            return Results.BadRequest(new { error = "invalid_order", reason = problem });
        }

        if (store.Find(id) is not { } existing)
        {
            return Results.NotFound(new { error = "not_found", reason = $"order {id} does not exist" });
        }

        var order = store.Save(id, existing.UserId, request.Lines!, request.Total, existing.Status);
        logger.OrderEdited(id, order.UserId, order.Total);
        return Results.Ok(order);
    }

    private static Task<IResult> ChangeStatusAsync(string id, StatusRequest request, OrderStore store, IHttpClientFactory http,
        ILoggerFactory loggers, CancellationToken cancellationToken) =>
        OrderEndpoints.ChangeStatusAndForwardAsync(id, request, store, loggers.CreateLogger("Shop.Orders"), http, "Crm",
            $"/api/orders/{id}/status", cancellationToken);

    [LoggerMessage(5001, LogLevel.Debug, "Priced {Lines} lines at {Total}")]
    private static partial void LogPricing(ILogger logger, int lines, decimal total);

    [LoggerMessage(5002, LogLevel.Warning, "Order request refused: {Reason}")]
    private static partial void LogInvalid(ILogger logger, string reason);
}

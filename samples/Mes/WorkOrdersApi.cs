using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using ObservabilityStack.Samples.Common;
using ObservabilityStack.Serilog.Context;

namespace ObservabilityStack.Samples.Mes;

/// <summary>Work orders: created by the CRM, scheduled on a production line.</summary>
internal static partial class WorkOrdersApi
{
    private const int LargeOrder = 100;

    public static void MapWorkOrders(this IEndpointRouteBuilder app)
    {
        var orders = app.MapGroup("/api/work-orders");
        orders.MapPost("/", Create);
        orders.MapGet("/{id}", Read);
        orders.MapPost("/{id}/status", ChangeStatus);
    }

    private static IResult Create(OrderRequest request, OrderStore store, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger("Mes.WorkOrders");
        var problem = request.Problem() ?? (request.OrderId is null ? "orderId is required" : null);
        if (problem is not null || request.OrderId is null)
        {
            LogRejected(logger, problem ?? "orderId is required");
            return Results.BadRequest(new { error = "invalid_order", reason = problem ?? "orderId is required" });
        }

        using var scope = OrderContext.Begin(request.OrderId);
        var units = request.Lines!.Sum(l => l.Quantity);
        LogCapacity(logger, units);
        store.Save(request.OrderId, request.UserId!, request.Lines!, request.Total, "received");
        logger.OrderCreated(request.OrderId, request.UserId!, request.Total, request.Lines!.Count);
        if (units > LargeOrder)
        {
            LogLarge(logger, units);
        }

        LogLine(logger, request.OrderId.Length % 3 + 1);
        var changed = store.ChangeStatus(request.OrderId, "scheduled")!.Value;
        logger.OrderStatusChanged(request.OrderId, request.UserId!, changed.Before.Status, changed.After.Status);
        return Results.Created($"/api/work-orders/{request.OrderId}", changed.After);
    }

    private static IResult Read(string id, OrderStore store, ILoggerFactory loggers) =>
        OrderEndpoints.Read(id, store, loggers.CreateLogger("Mes.WorkOrders"), "work order");

    private static IResult ChangeStatus(string id, StatusRequest request, OrderStore store, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger("Mes.WorkOrders");
        using var scope = OrderContext.Begin(id);
        if (string.IsNullOrWhiteSpace(request.Status))
        {
            return Results.BadRequest(new { error = "invalid_status", reason = "status is required" });
        }

        if (store.ChangeStatus(id, request.Status) is not { } changed)
        {
            return Results.NotFound(new { error = "not_found", reason = $"work order {id} does not exist" });
        }

        logger.OrderStatusChanged(id, changed.After.UserId, changed.Before.Status, changed.After.Status);
        return Results.Ok(changed.After);
    }

    [LoggerMessage(3001, LogLevel.Debug, "Capacity check for {Units} units")]
    private static partial void LogCapacity(ILogger logger, int units);

    [LoggerMessage(3002, LogLevel.Warning, "Large work order of {Units} units may delay production")]
    private static partial void LogLarge(ILogger logger, int units);

    [LoggerMessage(3003, LogLevel.Trace, "Assigned to production line {Line}")]
    private static partial void LogLine(ILogger logger, int line);

    [LoggerMessage(3004, LogLevel.Warning, "Work order rejected: {Reason}")]
    private static partial void LogRejected(ILogger logger, string reason);
}

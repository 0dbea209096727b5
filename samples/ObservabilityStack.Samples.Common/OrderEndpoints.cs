using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using ObservabilityStack.Serilog.Context;

namespace ObservabilityStack.Samples.Common;

/// <summary>
/// The order endpoints the three samples share word for word: read an order, and change its status then pass
/// the change on downstream. Each service supplies its logger category and, for forwarding, its downstream.
/// </summary>
public static class OrderEndpoints
{
    /// <summary>Reads an order, logging <c>order.read</c>; 404 when it does not exist.</summary>
    /// <param name="noun">What the service calls an order in its 404 reason ("order", "work order").</param>
    public static IResult Read(string id, OrderStore store, ILogger logger, string noun = "order")
    {
        ArgumentNullException.ThrowIfNull(store);
        using var scope = OrderContext.Begin(id);
        if (store.Find(id) is not { } order)
        {
            return Results.NotFound(new { error = "not_found", reason = $"{noun} {id} does not exist" });
        }

        logger.OrderRead(id, order.UserId);
        return Results.Ok(order);
    }

    /// <summary>
    /// Changes an order's status, logging <c>order.status_changed</c>, then posts the same request to
    /// <paramref name="downstreamPath"/> of <paramref name="downstream"/>; 404 when the order is unknown or the status empty.
    /// </summary>
    public static async Task<IResult> ChangeStatusAndForwardAsync(string id, StatusRequest request, OrderStore store, ILogger logger,
        IHttpClientFactory http, string downstream, string downstreamPath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(store);
        using var scope = OrderContext.Begin(id);
        if (string.IsNullOrWhiteSpace(request.Status) || store.ChangeStatus(id, request.Status) is not { } changed)
        {
            return Results.NotFound(new { error = "not_found", reason = $"order {id} does not exist or status is empty" });
        }

        logger.OrderStatusChanged(id, changed.After.UserId, changed.Before.Status, changed.After.Status);
        await Downstream.PostAsync(http, downstream, downstreamPath, request, logger, cancellationToken).ConfigureAwait(false);
        return Results.Ok(changed.After);
    }
}

using Microsoft.Extensions.Logging;

namespace ObservabilityStack.Samples.Common;

/// <summary>
/// The business events of the order flow at Information, each with its <c>event.action</c>. The action travels as a
/// scope property (<c>EventAction</c>), so the message stays readable.
/// </summary>
public static partial class OrderEvents
{
    /// <summary><c>order.created</c>.</summary>
    public static void OrderCreated(this ILogger logger, string orderId, string userId, decimal total, int lines)
    {
        using (Action(logger, "order.created"))
        {
            LogCreated(logger, orderId, userId, total, lines);
        }
    }

    /// <summary><c>order.read</c>.</summary>
    public static void OrderRead(this ILogger logger, string orderId, string userId)
    {
        using (Action(logger, "order.read"))
        {
            LogRead(logger, orderId, userId);
        }
    }

    /// <summary><c>order.edited</c>.</summary>
    public static void OrderEdited(this ILogger logger, string orderId, string userId, decimal total)
    {
        using (Action(logger, "order.edited"))
        {
            LogEdited(logger, orderId, userId, total);
        }
    }

    /// <summary><c>order.status_changed</c>.</summary>
    public static void OrderStatusChanged(this ILogger logger, string orderId, string userId, string from, string to)
    {
        using (Action(logger, "order.status_changed"))
        {
            LogStatusChanged(logger, orderId, userId, from, to);
        }
    }

    private static IDisposable? Action(ILogger logger, string action) =>
        logger.BeginScope(new Dictionary<string, object> { ["EventAction"] = action });

    [LoggerMessage(1001, LogLevel.Information, "Order {OrderId} created by {UserId}: {Lines} lines, total {Total}")]
    private static partial void LogCreated(ILogger logger, string orderId, string userId, decimal total, int lines);

    [LoggerMessage(1002, LogLevel.Information, "Order {OrderId} read by {UserId}")]
    private static partial void LogRead(ILogger logger, string orderId, string userId);

    [LoggerMessage(1003, LogLevel.Information, "Order {OrderId} edited by {UserId}: total {Total}")]
    private static partial void LogEdited(ILogger logger, string orderId, string userId, decimal total);

    [LoggerMessage(1004, LogLevel.Information, "Order {OrderId} of {UserId} changed status from {FromStatus} to {ToStatus}")]
    private static partial void LogStatusChanged(ILogger logger, string orderId, string userId, string fromStatus, string toStatus);
}

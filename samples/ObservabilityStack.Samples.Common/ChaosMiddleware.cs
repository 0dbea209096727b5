using Microsoft.AspNetCore.Http;

namespace ObservabilityStack.Samples.Common;

/// <summary>Answers 503 while a burst of failures is armed; the chaos endpoints themselves are never failed.</summary>
internal sealed class ChaosMiddleware(RequestDelegate next, ChaosState chaos)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments("/chaos") && !context.Request.Path.StartsWithSegments("/health") && chaos.ShouldFail())
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return context.Response.WriteAsJsonAsync(new { error = "chaos", reason = "injected failure (POST /chaos/5xx)" });
        }

        return next(context);
    }
}

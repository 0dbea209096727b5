using Microsoft.Extensions.DependencyInjection;
using ObservabilityStack.Serilog.AspNetCore;
using Serilog;

namespace Microsoft.AspNetCore.Builder;

/// <summary><c>app.UseObservabilityRequestLogging()</c>.</summary>
public static class ObservabilityApplicationBuilderExtensions
{
    /// <summary>
    /// Logs one event per request and handles correlation ids. Add it first in the pipeline, so it sees every
    /// request and every unhandled exception. Uses the logger registered by <c>AddObservabilityStack()</c>,
    /// else <see cref="Log.Logger"/>.
    /// </summary>
    /// <param name="app">The application.</param>
    /// <param name="options">Settings; default those of <c>AddObservabilityStack()</c>, else the defaults.</param>
    public static IApplicationBuilder UseObservabilityRequestLogging(this IApplicationBuilder app, RequestLoggingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        var logger = app.ApplicationServices.GetService<ILogger>() ?? Log.Logger;
        options ??= app.ApplicationServices.GetService<ObservabilityStackOptions>()?.RequestLogging ?? new RequestLoggingOptions();
        return app.UseMiddleware<RequestLoggingMiddleware>(logger, options);
    }
}

using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ObservabilityStack.Serilog.Context;
using ObservabilityStack.Serilog.Formatting;
using Serilog.Core;
using Serilog.Core.Enrichers;
using Serilog.Events;
using ILogger = Serilog.ILogger;

namespace ObservabilityStack.Serilog.AspNetCore;

/// <summary>
/// One event per request (method, path, status, duration, client IP, user agent, route template), at Error for 5xx
/// and exceptions, Warning for 4xx, else Information. Takes or creates the correlation id and returns it. An
/// unhandled exception is logged here once, with the request, and answered with 500 instead of being rethrown
/// (rethrowing would make the server log it a second time).
/// </summary>
internal sealed class RequestLoggingMiddleware
{
    private const string Template = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.000} ms";
    private const int MaxCorrelationIdLength = 128;
    private readonly RequestDelegate _next;
    private readonly ILogger _logger;
    private readonly RequestLoggingOptions _options;
    private readonly string[] _excluded;

    public RequestLoggingMiddleware(RequestDelegate next, ILogger logger, RequestLoggingOptions options)
    {
        _next = next;
        _logger = logger.ForContext(Constants.SourceContextPropertyName, "ObservabilityStack.RequestLogging");
        _options = options;
        _excluded = [.. options.ExcludedPaths.Select(p => "/" + p.Trim('/'))];
    }

    public async Task InvokeAsync(HttpContext context)
    {
        var correlationId = ReadCorrelationId(context.Request);
        context.Response.Headers[CorrelationContext.HeaderName] = correlationId;
        using var scope = CorrelationContext.Begin(correlationId);
        if (IsExcluded(context.Request.Path))
        {
            await _next(context);
            return;
        }

        var start = Stopwatch.GetTimestamp();
        Exception? failure = null;
        try
        {
            await _next(context);
        }
        catch (Exception ex)
        {
            failure = ex;
            if (context.Response.HasStarted)
            {
                // Headers are gone; the only honest signal left to the client is a broken connection.
                context.Abort();
            }
            else
            {
                context.Response.Clear();
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            }
        }

        Write(context, failure, Stopwatch.GetElapsedTime(start));
    }

    private void Write(HttpContext context, Exception? failure, TimeSpan elapsed)
    {
        var status = context.Response.StatusCode;
        var level = failure is not null || status >= 500 ? LogEventLevel.Error
            : status >= 400 ? LogEventLevel.Warning
            : LogEventLevel.Information;
        if (!_logger.IsEnabled(level))
        {
            return;
        }

        var request = context.Request;
        var properties = new List<ILogEventEnricher>(5)
        {
            new PropertyEnricher(EcsFieldMap.Properties.DurationNs, elapsed.Ticks * 100),
        };
        if (_options.IncludeClientIp && context.Connection.RemoteIpAddress is { } ip)
        {
            properties.Add(new PropertyEnricher(EcsFieldMap.Properties.ClientIp, ip.ToString()));
        }

        if (request.Headers.UserAgent.ToString() is { Length: > 0 } agent)
        {
            properties.Add(new PropertyEnricher(EcsFieldMap.Properties.UserAgent, agent));
        }

        if (context.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { } route })
        {
            properties.Add(new PropertyEnricher("RouteTemplate", route));
        }

        _logger.ForContext(properties).Write(level, failure, Template,
            request.Method, request.Path.Value, status, elapsed.TotalMilliseconds);
    }

    private bool IsExcluded(PathString path)
    {
        foreach (var prefix in _excluded)
        {
            if (path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static string ReadCorrelationId(HttpRequest request)
    {
        var incoming = request.Headers[CorrelationContext.HeaderName].ToString();

        // Accept only short, plain ids: the header is client input and ends up in every log event.
        return incoming.Length is > 0 and <= MaxCorrelationIdLength && incoming.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            ? incoming
            : CorrelationContext.NewId();
    }
}

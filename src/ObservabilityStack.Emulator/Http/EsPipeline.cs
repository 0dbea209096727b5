using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ObservabilityStack.Emulator.Faults;
using ObservabilityStack.Emulator.Security;

namespace ObservabilityStack.Emulator.Http;

/// <summary>
/// The single request pipeline: product header, injected faults, content negotiation, routing, security (when on), and turning
/// every failure into Elasticsearch's error shape (never a .NET stack trace).
/// </summary>
internal sealed class EsPipeline(EsRouter router, FaultInjector faults, SecurityGate? security = null)
{
    public async Task InvokeAsync(HttpContext http)
    {
        http.Response.Headers["X-Elastic-Product"] = "Elasticsearch";
        var path = http.Request.Path.Value ?? "/";
        try
        {
            if (!path.StartsWith("/_emulator", StringComparison.Ordinal))
            {
                await faults.BeforeRequestAsync(path, http.RequestAborted);
            }

            EsContentType.Negotiate(http);
            var match = router.Match(http.Request.Method, path);
            if (security is not null)
            {
                await security.CheckAsync(http, match);
            }

            if (match.Handler is null)
            {
                await NoHandlerAsync(http, path, match.AllowedMethods);
                return;
            }

            await match.Handler(new EsRequest(http, match.Values!));
        }
        catch (EmulatorException e)
        {
            await WriteErrorAsync(http, e);
        }
        catch (JsonException e)
        {
            await WriteErrorAsync(http, new EmulatorException(400, "x_content_parse_exception", e.Message));
        }
        catch (BadHttpRequestException e)
        {
            await WriteErrorAsync(http, new EmulatorException(e.StatusCode, "illegal_argument_exception", e.Message));
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
        }
        catch (Exception e)
        {
            // An emulator bug: the client gets Elasticsearch's error shape, the operator the stack trace.
            http.RequestServices.GetService<ILogger<EsPipeline>>()?.LogError(e, "Unexpected failure answering {Method} {Path}", http.Request.Method, path);
            await WriteErrorAsync(http, new EmulatorException(500, "exception", e.Message));
        }
    }

    private static async Task WriteErrorAsync(HttpContext http, EmulatorException e)
    {
        if (http.Response.HasStarted)
        {
            return;
        }

        http.Response.Clear();
        http.Response.Headers["X-Elastic-Product"] = "Elasticsearch";
        foreach (var (name, values) in e.Headers ?? new Dictionary<string, string[]>())
        {
            http.Response.Headers[name] = values;
        }

        if (e.RetryAfterSeconds is { } retry)
        {
            http.Response.Headers.RetryAfter = retry.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var request = new EsRequest(http, []);
        await request.WriteAsync(e.Status, w => ErrorBody.WriteAnswer(w, e));
    }

    private static Task NoHandlerAsync(HttpContext http, string path, List<string>? allowed)
    {
        var request = new EsRequest(http, []);
        var method = http.Request.Method;
        if (allowed is { Count: > 0 })
        {
            http.Response.Headers.Allow = string.Join(",", allowed.Distinct());
            var reason = $"Incorrect HTTP method for uri [{path}] and method [{method}], allowed: [{string.Join(", ", allowed.Distinct())}]";
            return request.WriteAsync(405, w => StringError(w, reason, 405));
        }

        var message = $"no handler found for uri [{path}] and method [{method}]";
        return request.WriteAsync(400, w => StringError(w, message, 400));
    }

    private static void StringError(Utf8JsonWriter w, string reason, int status)
    {
        w.WriteStartObject();
        w.WriteString("error", reason);
        w.WriteNumber("status", status);
        w.WriteEndObject();
    }
}

using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using ObservabilityStack.Gateway.Intake;

namespace ObservabilityStack.Gateway.Apis;

/// <summary>Error answers in the two shapes the gateway speaks: its own, and Elasticsearch's.</summary>
internal static class Answers
{
    /// <summary><c>{"error":"kind","reason":"..."}</c> with <paramref name="status"/>.</summary>
    public static IResult Error(int status, RejectReason reason, int retryAfterSeconds = 0, bool elasticsearchShape = false) =>
        new ErrorResult(status, reason, retryAfterSeconds, elasticsearchShape);

    private sealed class ErrorResult(int status, RejectReason reason, int retryAfter, bool esShape) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.StatusCode = status;
            response.ContentType = "application/json";
            if (retryAfter > 0)
            {
                response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
            }

            if (status == 401)
            {
                response.Headers.WWWAuthenticate = "ApiKey";
            }

            using var buffer = new MemoryStream();
            await using (var w = new Utf8JsonWriter(buffer))
            {
                w.WriteStartObject();
                if (esShape)
                {
                    w.WriteStartObject("error");
                    w.WriteString("type", reason.Kind);
                    w.WriteString("reason", reason.Message);
                    w.WriteEndObject();
                    w.WriteNumber("status", status);
                }
                else
                {
                    w.WriteString("error", reason.Kind);
                    w.WriteString("reason", reason.Message);
                }

                w.WriteEndObject();
            }

            await response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), httpContext.RequestAborted);
        }
    }
}

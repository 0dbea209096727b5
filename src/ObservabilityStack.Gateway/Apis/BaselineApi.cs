using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ObservabilityStack.Gateway.Apis;

/// <summary>
/// <c>POST /v1/baseline</c>, only when enabled: reads the body and tokenizes every NDJSON line with
/// <see cref="Utf8JsonReader"/>, storing nothing: the machine's ceiling for JSON intake in the load run.
/// </summary>
internal static class BaselineApi
{
    public static void Map(IEndpointRouteBuilder routes) => routes.MapPost("/v1/baseline", (Delegate)HandleAsync);

    private static async Task<IResult> HandleAsync(HttpContext context)
    {
        var reader = context.Request.BodyReader;
        var events = 0;
        while (true)
        {
            var result = await reader.ReadAsync(context.RequestAborted);
            var buffer = result.Buffer;
            var consumed = buffer.Start;
            while (buffer.Slice(consumed).PositionOf((byte)'\n') is { } newline)
            {
                var line = buffer.Slice(consumed, newline);
                if (!line.IsEmpty)
                {
                    Tokenize(line);
                    events++;
                }

                consumed = buffer.GetPosition(1, newline);
            }

            if (result.IsCompleted)
            {
                if (!buffer.Slice(consumed).IsEmpty)
                {
                    Tokenize(buffer.Slice(consumed));
                    events++;
                }

                reader.AdvanceTo(buffer.End);
                break;
            }

            reader.AdvanceTo(consumed, buffer.End);
        }

        return Results.Json(new { accepted = events }, statusCode: 202);
    }

    private static void Tokenize(ReadOnlySequence<byte> line)
    {
        var json = new Utf8JsonReader(line);
        while (json.Read())
        {
        }
    }
}

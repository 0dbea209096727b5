using System.Text.Json;
using System.Text.Json.Serialization;

namespace ObservabilityStack.Alerting.State;

/// <summary>How states, history and silences are written as JSON documents (snake_case, enums as text).</summary>
internal static class StateJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };
}

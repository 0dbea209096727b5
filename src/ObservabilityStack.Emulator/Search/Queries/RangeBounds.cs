using System.Text.Json;

namespace ObservabilityStack.Emulator.Search.Queries;

/// <summary>The raw bounds of a <c>range</c> query or filter, as given in the request.</summary>
internal sealed record RangeBounds(JsonElement? Gt, JsonElement? Gte, JsonElement? Lt, JsonElement? Lte, string? Format,
    string? TimeZone);

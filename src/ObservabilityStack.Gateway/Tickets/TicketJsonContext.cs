using System.Text.Json.Serialization;

namespace ObservabilityStack.Gateway.Tickets;

/// <summary>Source-generated JSON for the tickets file and the tickets API (shared with <c>obs tickets</c>).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TicketFile))]
[JsonSerializable(typeof(CreateTicketRequest))]
[JsonSerializable(typeof(CreatedTicket))]
[JsonSerializable(typeof(TicketView))]
[JsonSerializable(typeof(List<TicketView>))]
[JsonSerializable(typeof(UploadReceipt))]
[JsonSerializable(typeof(DeletedTicket))]
[JsonSerializable(typeof(string))]
public sealed partial class TicketJsonContext : JsonSerializerContext;

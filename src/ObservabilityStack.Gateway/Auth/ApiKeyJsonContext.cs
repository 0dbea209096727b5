using System.Text.Json.Serialization;

namespace ObservabilityStack.Gateway.Auth;

/// <summary>Source-generated JSON for the keys file.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(ApiKeyFile))]
internal sealed partial class ApiKeyJsonContext : JsonSerializerContext;

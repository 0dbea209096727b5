using System.Text.Json;
using System.Text.Json.Nodes;
using ObservabilityStack.Elasticsearch.Documents;

namespace ObservabilityStack.Elasticsearch.Provisioning;

/// <summary>Fills the <c>{{placeholders}}</c> of an elk/ asset for one service and parses it.</summary>
internal static class AssetTemplate
{
    /// <summary>Substitutes service, dataset, owner and retention, then parses the JSON object.</summary>
    public static JsonObject Render(string asset, ServiceDefinition service, string assetName)
    {
        var text = asset
            .Replace("{{service}}", Escape(service.Name), StringComparison.Ordinal)
            .Replace("{{dataset}}", Escape(DataStreamName.Dataset(service.Name)), StringComparison.Ordinal)
            .Replace("{{owner}}", Escape(service.Owner), StringComparison.Ordinal)
            .Replace("{{retention_days}}", service.RetentionDays.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        return Parse(text, assetName);
    }

    /// <summary>Parses an asset as a JSON object, with a message naming the file when it is broken.</summary>
    public static JsonObject Parse(string text, string assetName)
    {
        try
        {
            return JsonNode.Parse(text) as JsonObject
                ?? throw new ProvisioningException(ProvisioningFailureKind.InvalidAssets, $"Asset {assetName} is not a JSON object.");
        }
        catch (JsonException ex)
        {
            throw new ProvisioningException(ProvisioningFailureKind.InvalidAssets, $"Asset {assetName} is not valid JSON: {ex.Message}", ex);
        }
    }

    // Values land inside JSON strings; escaping keeps a quote in a team name from breaking the document.
    private static string Escape(string value) => JsonEncodedText.Encode(value).ToString();
}

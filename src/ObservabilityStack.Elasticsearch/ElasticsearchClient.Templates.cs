using System.Text.Json;

namespace ObservabilityStack.Elasticsearch;

/// <summary>Composable index templates and component templates.</summary>
public sealed partial class ElasticsearchClient
{
    /// <summary>Creates or replaces a composable index template (<c>PUT /_index_template/{name}</c>).</summary>
    public Task PutIndexTemplateAsync(string name, string body, CancellationToken cancellationToken = default) =>
        AcknowledgeAsync(HttpMethod.Put, "/_index_template/" + Segment(name), body, "put index template", cancellationToken);

    /// <summary>The answer <c>{"index_templates":[{"name":..,"index_template":{..}}]}</c>; null when none matches.</summary>
    public Task<JsonElement?> GetIndexTemplateAsync(string name, CancellationToken cancellationToken = default) =>
        GetIfExistsAsync("/_index_template/" + Segment(name), "get index template", cancellationToken);

    /// <summary>Deletes an index template; false when it did not exist.</summary>
    public Task<bool> DeleteIndexTemplateAsync(string name, CancellationToken cancellationToken = default) =>
        DeleteIfExistsAsync("/_index_template/" + Segment(name), "delete index template", cancellationToken);

    /// <summary>Creates or replaces a component template (<c>PUT /_component_template/{name}</c>).</summary>
    public Task PutComponentTemplateAsync(string name, string body, CancellationToken cancellationToken = default) =>
        AcknowledgeAsync(HttpMethod.Put, "/_component_template/" + Segment(name), body, "put component template", cancellationToken);

    /// <summary>The answer <c>{"component_templates":[{"name":..,"component_template":{..}}]}</c>; null when none matches.</summary>
    public Task<JsonElement?> GetComponentTemplateAsync(string name, CancellationToken cancellationToken = default) =>
        GetIfExistsAsync("/_component_template/" + Segment(name), "get component template", cancellationToken);

    /// <summary>Deletes a component template; false when it did not exist.</summary>
    public Task<bool> DeleteComponentTemplateAsync(string name, CancellationToken cancellationToken = default) =>
        DeleteIfExistsAsync("/_component_template/" + Segment(name), "delete component template", cancellationToken);
}

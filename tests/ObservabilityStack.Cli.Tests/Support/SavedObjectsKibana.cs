using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ObservabilityStack.Cli.Tests.Support;

/// <summary>
/// A stand-in for Kibana's saved-objects API (Kibana cannot run here): it keeps what is imported and answers
/// <c>_bulk_get</c> in request order with an error for unknown objects, and like Kibana it adds attributes
/// and migration fields of its own on import, which a comparison must ignore.
/// </summary>
internal sealed class SavedObjectsKibana : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SavedObjectsKibana(WebApplication app) => _app = app;

    public ConcurrentDictionary<string, JsonObject> Objects { get; } = new(StringComparer.Ordinal);

    public int Imports { get; private set; }

    public string Url => _app.Urls.First();

    public static async Task<SavedObjectsKibana> StartAsync()
    {
        SavedObjectsKibana? kibana = null;
        var app = await FakeHttpServer.StartAsync(app =>
        {
            app.MapGet("/api/status", () => Results.Json(new { version = new { number = "9.1.0" } }));
            app.MapPost("/api/saved_objects/_import", context => kibana!.ImportAsync(context));
            app.MapPost("/api/saved_objects/_bulk_get", context => kibana!.BulkGetAsync(context));
        });
        kibana = new SavedObjectsKibana(app);
        return kibana;
    }

    private async Task ImportAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        using var reader = new StreamReader(form.Files["file"]!.OpenReadStream());
        var count = 0;
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            var stored = JsonNode.Parse(line)!.AsObject();
            stored["typeMigrationVersion"] = "10.2.0";
            stored["updated_at"] = DateTimeOffset.UtcNow.ToString("O");
            if (stored["attributes"] is JsonObject attributes)
            {
                attributes.TryAdd("description", "");
            }

            Objects[$"{stored["type"]}|{stored["id"]}"] = stored;
            count++;
        }

        Imports++;
        await context.Response.WriteAsync($"{{\"success\":true,\"successCount\":{count}}}");
    }

    private async Task BulkGetAsync(HttpContext context)
    {
        var wanted = (await JsonNode.ParseAsync(context.Request.Body))!.AsArray();
        var answers = new JsonArray();
        foreach (var item in wanted)
        {
            var key = $"{item!["type"]}|{item["id"]}";
            answers.Add(Objects.TryGetValue(key, out var found)
                ? found.DeepClone()
                : new JsonObject { ["id"] = item["id"]!.DeepClone(), ["type"] = item["type"]!.DeepClone(), ["error"] = new JsonObject { ["statusCode"] = 404 } });
        }

        await context.Response.WriteAsJsonAsync(new JsonObject { ["saved_objects"] = answers });
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

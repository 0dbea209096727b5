using System.Text.Json.Nodes;
using ObservabilityStack.Emulator.Http;
using ObservabilityStack.Emulator.Storage;
using ObservabilityStack.Emulator.Templates;

namespace ObservabilityStack.Emulator.Apis;

/// <summary><c>_index_template</c> and <c>_component_template</c>: put, get, exists, delete, simulate.</summary>
internal static class TemplatesApi
{
    public static void Map(EsRouter router, EmulatorContext context)
    {
        var store = context.Cluster.Templates;
        router.Map("PUT,POST", "/_index_template/{name}", async r =>
        {
            store.PutIndexTemplate(r.Route("name"), await r.ReadObjectAsync(), r.Flag("create"));
            await r.AcknowledgedAsync();
        });
        router.Map("GET", "/_index_template", r => GetIndexTemplates(r, store, null));
        router.Map("GET,HEAD", "/_index_template/{name}", r => GetIndexTemplates(r, store, r.Route("name")));
        router.Map("DELETE", "/_index_template/{name}", r =>
        {
            store.DeleteIndexTemplates(r.Route("name"));
            return r.AcknowledgedAsync();
        });
        router.Map("POST", "/_index_template/_simulate_index/{name}", r => Simulate(r, context.Cluster));
        router.Map("PUT,POST", "/_component_template/{name}", async r =>
        {
            store.PutComponentTemplate(r.Route("name"), await r.ReadObjectAsync(), r.Flag("create"));
            await r.AcknowledgedAsync();
        });
        router.Map("GET", "/_component_template", r => GetComponentTemplates(r, store, null));
        router.Map("GET,HEAD", "/_component_template/{name}", r => GetComponentTemplates(r, store, r.Route("name")));
        router.Map("DELETE", "/_component_template/{name}", r =>
        {
            store.DeleteComponentTemplates(r.Route("name"));
            return r.AcknowledgedAsync();
        });
    }

    private static Task GetIndexTemplates(EsRequest r, TemplateStore store, string? name)
    {
        var templates = store.IndexTemplates(name);
        if (NotFound(r, name, templates.Count, "index template") is { } missing)
        {
            return missing;
        }

        var list = new JsonArray();
        foreach (var t in templates)
        {
            list.Add(new JsonObject { ["name"] = t.Name, ["index_template"] = t.Body.DeepClone() });
        }

        return r.WriteNodeAsync(200, new JsonObject { ["index_templates"] = list });
    }

    private static Task GetComponentTemplates(EsRequest r, TemplateStore store, string? name)
    {
        var templates = store.ComponentTemplates(name);
        if (NotFound(r, name, templates.Count, "component template") is { } missing)
        {
            return missing;
        }

        var list = new JsonArray();
        foreach (var t in templates)
        {
            list.Add(new JsonObject { ["name"] = t.Name, ["component_template"] = t.Body.DeepClone() });
        }

        return r.WriteNodeAsync(200, new JsonObject { ["component_templates"] = list });
    }

    private static Task? NotFound(EsRequest r, string? name, int count, string kind)
    {
        if (r.Method == "HEAD")
        {
            return r.StatusOnlyAsync(count > 0 ? 200 : 404);
        }

        if (count == 0 && name is not null && !name.Contains('*', StringComparison.Ordinal))
        {
            throw new EmulatorException(404, "resource_not_found_exception", $"{kind} matching [{name}] not found");
        }

        return null;
    }

    private static Task Simulate(EsRequest r, Cluster cluster)
    {
        var resolved = cluster.Templates.Resolve(r.Route("name"));
        var settings = new IndexSettings();
        var mappings = new Mapping.IndexMappings();
        resolved.Settings.ForEach(s => settings.Apply(IndexSettings.Flatten(s)));
        resolved.Mappings.ForEach(m => mappings.Merge((JsonObject)m.DeepClone(), allowTypeChange: true));
        return r.WriteNodeAsync(200, new JsonObject
        {
            ["template"] = new JsonObject
            {
                ["settings"] = settings.ToJson(false),
                ["mappings"] = mappings.ToJson(),
                ["aliases"] = resolved.Aliases.DeepClone(),
            },
            ["overlapping"] = new JsonArray(),
        });
    }
}

using System.Text.Json.Nodes;

namespace ObservabilityStack.Emulator.Templates;

/// <summary>Index and component templates with Elasticsearch's validation and priority resolution. Thread-safe.</summary>
internal sealed class TemplateStore
{
    private readonly Lock _sync = new();
    private readonly SortedDictionary<string, IndexTemplate> _index = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, ComponentTemplate> _components = new(StringComparer.Ordinal);

    /// <summary>Raised after any change, so durable emulators save metadata.</summary>
    public event Action? Changed;

    public IndexTemplate PutIndexTemplate(string name, JsonObject body, bool create, bool builtIn = false)
    {
        if (body["index_patterns"] is null)
        {
            throw new EmulatorException(400, "action_request_validation_exception", "Validation Failed: 1: index patterns are missing;");
        }

        var normalized = (JsonObject)body.DeepClone();
        if (normalized["index_patterns"] is JsonValue single)
        {
            normalized["index_patterns"] = new JsonArray(single.ToString());
        }

        if (normalized["template"] is not null)
        {
            normalized["template"] = TemplateBodies.NormalizeTemplateBlock(normalized["template"]);
        }

        var template = new IndexTemplate { Name = name, Body = normalized, BuiltIn = builtIn };
        lock (_sync)
        {
            if (create && _index.ContainsKey(name))
            {
                throw EmulatorException.IllegalArgument($"index template [{name}] already exists");
            }

            var missing = template.ComposedOf.Where(c => !_components.ContainsKey(c) && !template.IgnoreMissing.Contains(c)).ToList();
            if (missing.Count > 0)
            {
                throw new EmulatorException(400, "invalid_index_template_exception",
                    $"index_template [{name}] invalid, cause [index template [{name}] specifies component templates [{string.Join(", ", missing)}] that do not exist]");
            }

            foreach (var other in _index.Values)
            {
                if (other.Name != name && other.Priority == template.Priority && Overlaps(other, template))
                {
                    throw EmulatorException.IllegalArgument(
                        $"index template [{name}] has index patterns [{string.Join(", ", template.IndexPatterns)}] matching patterns from existing templates [{other.Name}] with patterns ({other.Name} => [{string.Join(", ", other.IndexPatterns)}]) that have the same priority [{template.Priority}], multiple index templates may not match during index creation, please use a different priority");
                }
            }

            _index[name] = template;
        }

        Changed?.Invoke();
        return template;
    }

    public void PutComponentTemplate(string name, JsonObject body, bool create, bool builtIn = false)
    {
        if (body["template"] is null)
        {
            throw new EmulatorException(400, "action_request_validation_exception", "Validation Failed: 1: template is missing;");
        }

        var normalized = (JsonObject)body.DeepClone();
        normalized["template"] = TemplateBodies.NormalizeTemplateBlock(normalized["template"]) ?? [];
        lock (_sync)
        {
            if (create && _components.ContainsKey(name))
            {
                throw EmulatorException.IllegalArgument($"component template [{name}] already exists");
            }

            _components[name] = new ComponentTemplate { Name = name, Body = normalized, BuiltIn = builtIn };
        }

        Changed?.Invoke();
    }

    public List<IndexTemplate> IndexTemplates(string? pattern)
    {
        lock (_sync)
        {
            return _index.Values.Where(t => pattern is null || NameMatches(pattern, t.Name)).ToList();
        }
    }

    public List<ComponentTemplate> ComponentTemplates(string? pattern)
    {
        lock (_sync)
        {
            return _components.Values.Where(t => pattern is null || NameMatches(pattern, t.Name)).ToList();
        }
    }

    /// <summary>Deletes templates by name, comma list or wildcard; wildcards spare built-in templates.</summary>
    public void DeleteIndexTemplates(string pattern)
    {
        lock (_sync)
        {
            var names = Select(_index.Keys, pattern, n => _index[n].BuiltIn, "index_template");
            names.ForEach(n => _index.Remove(n));
        }

        Changed?.Invoke();
    }

    public void DeleteComponentTemplates(string pattern)
    {
        lock (_sync)
        {
            var names = Select(_components.Keys, pattern, n => _components[n].BuiltIn, "component template");
            var used = _index.Values.FirstOrDefault(t => t.ComposedOf.Any(names.Contains));
            if (used is not null)
            {
                throw EmulatorException.IllegalArgument(
                    $"component templates [{string.Join(", ", names.Where(used.ComposedOf.Contains))}] cannot be removed as they are still in use by index templates [{used.Name}]");
            }

            names.ForEach(n => _components.Remove(n));
        }

        Changed?.Invoke();
    }

    /// <summary>The highest-priority template matching a new index, with its component templates composed in order.</summary>
    public ResolvedTemplate Resolve(string indexName)
    {
        lock (_sync)
        {
            var template = _index.Values.Where(t => t.Matches(indexName)).OrderByDescending(t => t.Priority).FirstOrDefault();
            if (template is null)
            {
                return ResolvedTemplate.None;
            }

            var resolved = new ResolvedTemplate(template, [], [], []);
            foreach (var name in template.ComposedOf)
            {
                if (_components.TryGetValue(name, out var component))
                {
                    Add(resolved, component.Template);
                }
            }

            Add(resolved, template.Template);
            return resolved;
        }
    }

    private static void Add(ResolvedTemplate resolved, JsonObject? block)
    {
        if (block is null)
        {
            return;
        }

        if (block["settings"] is JsonObject settings)
        {
            resolved.Settings.Add(settings);
        }

        if (block["mappings"] is JsonObject mappings)
        {
            resolved.Mappings.Add(mappings);
        }

        if (block["aliases"] is JsonObject aliases)
        {
            foreach (var (name, value) in aliases)
            {
                resolved.Aliases[name] = value?.DeepClone();
            }
        }
    }

    private static List<string> Select(IEnumerable<string> keys, string pattern, Func<string, bool> builtIn, string kind)
    {
        var names = new List<string>();
        foreach (var part in pattern.Split(','))
        {
            if (part.Contains('*', StringComparison.Ordinal))
            {
                names.AddRange(keys.Where(k => Storage.Wildcard.Matches(part, k) && !builtIn(k)));
            }
            else if (keys.Contains(part))
            {
                names.Add(part);
            }
            else
            {
                throw new EmulatorException(404, "resource_not_found_exception", $"{kind} matching [{part}] not found");
            }
        }

        return names;
    }

    private static bool NameMatches(string pattern, string name) =>
        pattern.Split(',').Any(p => Storage.Wildcard.Matches(p, name));

    private static bool Overlaps(IndexTemplate a, IndexTemplate b) =>
        a.IndexPatterns.Any(p => b.IndexPatterns.Any(q => Storage.Wildcard.Matches(p, q) || Storage.Wildcard.Matches(q, p)));
}

using System.Text;
using System.Text.Json.Nodes;
using ObservabilityStack.Emulator.Http;
using ObservabilityStack.Emulator.Ilm;

namespace ObservabilityStack.Emulator.Security;

/// <summary>
/// API keys: create (<c>POST/PUT /_security/api_key</c>), get and invalidate. A key's privileges are its
/// <c>role_descriptors</c> intersected with its creator's roles at creation (<c>limited_by</c>).
/// </summary>
internal static class ApiKeysApi
{
    private const string Manage = "cluster:admin/xpack/security/api_key/";

    public static void Map(EsRouter router, SecurityGate gate, TimeProvider clock)
    {
        var store = gate.Store;
        router.Map("POST,PUT", "/_security/api_key", async r => await r.WriteNodeAsync(200, Create(store, gate, SecurityApi.Caller(r), await r.ReadObjectAsync(), clock)));
        router.Map("GET", "/_security/api_key", r =>
        {
            var keys = Visible(store, SecurityApi.Caller(r), "get", r.Flag("owner"))
                .Where(k => Matches(k, r.Query("id"), r.Query("name"), r.Query("username"), r.Query("realm_name")))
                .Where(k => !r.Flag("active_only") || (!k.Invalidated && !k.IsExpired(clock.GetUtcNow().ToUnixTimeMilliseconds())));
            return r.WriteNodeAsync(200, new JsonObject { ["api_keys"] = new JsonArray(keys.Select(k => (JsonNode?)Describe(k, clock)).ToArray()) });
        });
        router.Map("DELETE", "/_security/api_key", async r =>
        {
            var body = await r.ReadObjectAsync();
            var ids = body["ids"] is JsonArray list ? list.Select(i => i!.GetValue<string>()).ToList() : [];
            if (body["id"]?.GetValue<string>() is { } single)
            {
                ids.Add(single);
            }

            var name = body["name"]?.GetValue<string>();
            var username = body["username"]?.GetValue<string>();
            var realm = body["realm_name"]?.GetValue<string>();
            if (ids.Count == 0 && name is null && username is null && realm is null && body["owner"]?.GetValue<bool>() != true)
            {
                throw new EmulatorException(400, "action_request_validation_exception",
                    "Validation Failed: 1: One of [api key id(s), api key name, username, realm name] must be specified if [owner] flag is false;");
            }

            var targets = Visible(store, SecurityApi.Caller(r), "invalidate", body["owner"]?.GetValue<bool>() == true)
                .Where(k => (ids.Count == 0 || ids.Contains(k.Id)) && Matches(k, null, name, username, realm)).ToList();
            var (invalidated, previously) = store.Invalidate(targets, clock.GetUtcNow().ToUnixTimeMilliseconds());
            await r.WriteNodeAsync(200, new JsonObject
            {
                ["invalidated_api_keys"] = new JsonArray(invalidated.Select(i => (JsonNode?)JsonValue.Create(i)).ToArray()),
                ["previously_invalidated_api_keys"] = new JsonArray(previously.Select(i => (JsonNode?)JsonValue.Create(i)).ToArray()),
                ["error_count"] = 0,
            });
        });
    }

    private static JsonObject Create(SecurityStore store, SecurityGate gate, Principal caller, JsonObject body, TimeProvider clock)
    {
        var name = body["name"]?.GetValue<string>();
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new EmulatorException(400, "action_request_validation_exception", "Validation Failed: 1: api key name is required;");
        }

        var descriptors = new JsonObject();
        foreach (var (roleName, source) in body["role_descriptors"] as JsonObject ?? [])
        {
            descriptors[roleName] = RoleDescriptor.Parse(roleName, source as JsonObject
                ?? throw EmulatorException.Parsing($"failed to parse role [{roleName}]. expected an object")).Body;
        }

        if (caller.ApiKey is not null && (descriptors.Count == 0 || descriptors.Any(d => Grants(d.Value!))))
        {
            throw EmulatorException.IllegalArgument("creating derived api keys requires an explicit role descriptor that is empty (has no privileges)");
        }

        var limitedBy = new JsonObject();
        foreach (var role in caller.User?.Roles ?? [])
        {
            if (store.FindRole(role) is { } descriptor)
            {
                limitedBy[role] = descriptor.Body.DeepClone();
            }
        }

        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        long? expiration = body["expiration"]?.GetValue<string>() is { } ttl
            ? now + (long)TimeValue.Parse(ttl, "expiration").TotalMilliseconds
            : null;
        var secret = SecretHasher.RandomToken(16);
        var key = new ApiKeyRecord
        {
            Id = SecretHasher.RandomToken(15),
            Name = name,
            Hash = SecretHasher.HashKey(secret),
            Creation = now,
            Expiration = expiration,
            Username = caller.Username,
            Realm = caller.RealmName,
            RoleDescriptors = descriptors,
            LimitedBy = limitedBy,
            Metadata = body["metadata"]?.DeepClone() as JsonObject ?? [],
        };
        store.AddKey(key);
        var answer = new JsonObject { ["id"] = key.Id, ["name"] = name };
        if (expiration is not null)
        {
            answer["expiration"] = expiration;
        }

        answer["api_key"] = secret;
        answer["encoded"] = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{key.Id}:{secret}"));
        return answer;
    }

    /// <summary>All keys for managers; otherwise the caller's own keys (an API key always sees itself).</summary>
    private static IEnumerable<ApiKeyRecord> Visible(SecurityStore store, Principal caller, string verb, bool ownerOnly)
    {
        var keys = store.Keys();
        var manager = caller.AllowsCluster(Manage + verb);
        if (manager && !ownerOnly)
        {
            return keys;
        }

        if (caller.ApiKey is { } self)
        {
            return keys.Where(k => k.Id == self.Id);
        }

        if (!manager && !caller.Granted.Any(r => r.Cluster.Contains("manage_own_api_key")))
        {
            throw SecurityErrors.ClusterDenied(caller, Manage + verb);
        }

        return keys.Where(k => k.Username == caller.Username && k.Realm == caller.RealmName);
    }

    private static bool Matches(ApiKeyRecord key, string? id, string? name, string? username, string? realm) =>
        (id is null || key.Id == id)
        && (name is null || Storage.Wildcard.Matches(name, key.Name))
        && (username is null || key.Username == username)
        && (realm is null || key.Realm == realm);

    private static bool Grants(JsonNode descriptor) =>
        descriptor["cluster"] is JsonArray { Count: > 0 } || descriptor["indices"] is JsonArray { Count: > 0 };

    private static JsonObject Describe(ApiKeyRecord key, TimeProvider clock)
    {
        var answer = new JsonObject
        {
            ["id"] = key.Id,
            ["name"] = key.Name,
            ["type"] = "rest",
            ["creation"] = key.Creation,
            ["invalidated"] = key.Invalidated,
            ["username"] = key.Username,
            ["realm"] = key.Realm,
            ["metadata"] = key.Metadata.DeepClone(),
            ["role_descriptors"] = key.RoleDescriptors.DeepClone(),
            ["limited_by"] = new JsonArray(key.LimitedBy.DeepClone()),
        };
        if (key.Expiration is { } expiration)
        {
            answer["expiration"] = expiration;
        }

        if (key.Invalidation is { } invalidation)
        {
            answer["invalidation"] = invalidation;
        }

        answer["expired"] = key.IsExpired(clock.GetUtcNow().ToUnixTimeMilliseconds());
        return answer;
    }
}

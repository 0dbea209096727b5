using System.Text.Json.Nodes;
using ObservabilityStack.Emulator.Http;

namespace ObservabilityStack.Emulator.Security;

/// <summary><c>_security/_authenticate</c>, roles and native users.</summary>
internal static class SecurityApi
{
    public static void Map(EsRouter router, SecurityGate gate)
    {
        var store = gate.Store;
        router.Map("GET", "/_security/_authenticate", r => r.WriteNodeAsync(200, Authenticate(Caller(r))));
        router.Map("GET", "/_security/role", r => r.WriteNodeAsync(200, RolesJson(store, null)));
        router.Map("GET", "/_security/role/{name}", r =>
        {
            var roles = RolesJson(store, r.Route("name").Split(','));
            return r.WriteNodeAsync(roles.Count == 0 ? 404 : 200, roles);
        });
        router.Map("PUT,POST", "/_security/role/{name}", async r =>
        {
            var created = store.PutRole(ValidName(r.Route("name"), "role"), await r.ReadObjectAsync());
            await r.WriteNodeAsync(200, new JsonObject { ["role"] = new JsonObject { ["created"] = created } });
        });
        router.Map("DELETE", "/_security/role/{name}", r =>
        {
            var found = store.DeleteRole(r.Route("name"));
            return r.WriteNodeAsync(found ? 200 : 404, new JsonObject { ["found"] = found });
        });
        router.Map("GET", "/_security/user", r => r.WriteNodeAsync(200, UsersJson(store, null)));
        router.Map("GET", "/_security/user/{name}", r =>
        {
            var users = UsersJson(store, r.Route("name").Split(','));
            return r.WriteNodeAsync(users.Count == 0 ? 404 : 200, users);
        });
        router.Map("PUT,POST", "/_security/user/{name}", async r =>
        {
            var created = PutUser(store, ValidName(r.Route("name"), "user"), await r.ReadObjectAsync());
            await r.WriteNodeAsync(200, new JsonObject { ["created"] = created });
        });
        router.Map("DELETE", "/_security/user/{name}", r =>
        {
            var name = r.Route("name");
            if (store.FindUser(name) is { Reserved: true })
            {
                throw EmulatorException.IllegalArgument($"user [{name}] is reserved and may not be deleted");
            }

            var found = store.DeleteUser(name);
            return r.WriteNodeAsync(found ? 200 : 404, new JsonObject { ["found"] = found });
        });
    }

    public static Principal Caller(EsRequest r) =>
        SecurityGate.PrincipalOf(r.Http) ?? throw new EmulatorException(500, "exception", "security API called without an authenticated principal");

    private static JsonObject Authenticate(Principal p)
    {
        var realm = new JsonObject { ["name"] = p.RealmName, ["type"] = p.RealmType };
        var answer = new JsonObject
        {
            ["username"] = p.Username,
            ["roles"] = new JsonArray(p.RoleNames.Select(n => (JsonNode?)JsonValue.Create(n)).ToArray()),
            ["full_name"] = p.User?.FullName,
            ["email"] = p.User?.Email,
            ["metadata"] = p.User?.Metadata.DeepClone() ?? new JsonObject(),
            ["enabled"] = true,
            ["authentication_realm"] = realm,
            ["lookup_realm"] = realm.DeepClone(),
            ["authentication_type"] = p.ApiKey is null ? "realm" : "api_key",
        };
        if (p.ApiKey is { } key)
        {
            answer["api_key"] = new JsonObject { ["id"] = key.Id, ["name"] = key.Name };
        }

        return answer;
    }

    private static JsonObject RolesJson(SecurityStore store, string[]? names)
    {
        var answer = new JsonObject();
        foreach (var (name, role) in store.Roles())
        {
            if (names is null || names.Contains(name))
            {
                var body = (JsonObject)role.Body.DeepClone();
                body["transient_metadata"] = new JsonObject { ["enabled"] = true };
                answer[name] = body;
            }
        }

        return answer;
    }

    private static JsonObject UsersJson(SecurityStore store, string[]? names)
    {
        var answer = new JsonObject();
        foreach (var user in store.Users().Where(u => names is null || names.Contains(u.Username)))
        {
            answer[user.Username] = new JsonObject
            {
                ["username"] = user.Username,
                ["roles"] = new JsonArray(user.Roles.Select(n => (JsonNode?)JsonValue.Create(n)).ToArray()),
                ["full_name"] = user.FullName,
                ["email"] = user.Email,
                ["metadata"] = user.Reserved ? new JsonObject { ["_reserved"] = true } : user.Metadata.DeepClone(),
                ["enabled"] = user.Enabled,
            };
        }

        return answer;
    }

    private static bool PutUser(SecurityStore store, string name, JsonObject body)
    {
        var existing = store.FindUser(name);
        if (existing is { Reserved: true })
        {
            throw EmulatorException.IllegalArgument($"user [{name}] is reserved and only the password can be changed");
        }

        var password = body["password"]?.GetValue<string>();
        if (existing is null && password is null)
        {
            throw new EmulatorException(400, "action_request_validation_exception", "Validation Failed: 1: password must be specified unless you are updating an existing user;");
        }

        if (password is { Length: < 6 })
        {
            throw new EmulatorException(400, "action_request_validation_exception", "Validation Failed: 1: passwords must be at least [6] characters long;");
        }

        return store.PutUser(new UserRecord
        {
            Username = name,
            PasswordHash = password is null ? existing!.PasswordHash : SecretHasher.HashPassword(password),
            Roles = (body["roles"] as JsonArray ?? []).Select(n => n!.GetValue<string>()).ToList(),
            FullName = body["full_name"]?.GetValue<string>(),
            Email = body["email"]?.GetValue<string>(),
            Metadata = body["metadata"]?.DeepClone() as JsonObject ?? [],
            Enabled = body["enabled"]?.GetValue<bool>() ?? true,
        });
    }

    private static string ValidName(string name, string kind) =>
        name.Length is > 0 and <= 507 && !name.StartsWith('_') && !name.Any(char.IsWhiteSpace)
            ? name
            : throw new EmulatorException(400, "action_request_validation_exception", $"Validation Failed: 1: {kind} name [{name}] is not valid;");
}

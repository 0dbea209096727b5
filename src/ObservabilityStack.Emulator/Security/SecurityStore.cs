using System.Text.Json.Nodes;

namespace ObservabilityStack.Emulator.Security;

/// <summary>
/// Roles, native users and API keys. With a data directory they are kept in <c>security.json</c>, replaced
/// atomically on every change like the cluster metadata. Only hashes of passwords and keys are stored.
/// </summary>
internal sealed class SecurityStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (RoleDescriptor Role, JsonObject Source)> _roles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, UserRecord> _users = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ApiKeyRecord> _keys = new(StringComparer.Ordinal);
    private readonly string? _path;

    public SecurityStore(string? dataDirectory, string elasticPassword)
    {
        _path = dataDirectory is null ? null : Path.Combine(dataDirectory, "security.json");
        Elastic = new UserRecord
        {
            Username = "elastic",
            PasswordHash = SecretHasher.HashPassword(elasticPassword),
            Roles = ["superuser"],
            Reserved = true,
        };
        Load();
    }

    /// <summary>The built-in superuser; its password comes from the options each start.</summary>
    public UserRecord Elastic { get; }

    public RoleDescriptor? FindRole(string name)
    {
        if (BuiltinRoles.All.TryGetValue(name, out var builtin))
        {
            return builtin;
        }

        lock (_lock)
        {
            return _roles.TryGetValue(name, out var role) ? role.Role : null;
        }
    }

    public IReadOnlyList<(string Name, RoleDescriptor Role)> Roles()
    {
        lock (_lock)
        {
            return BuiltinRoles.All.Select(r => (r.Key, r.Value))
                .Concat(_roles.Select(r => (r.Key, r.Value.Role)))
                .OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        }
    }

    /// <summary>Creates or replaces a role; true when it was created.</summary>
    public bool PutRole(string name, JsonObject source)
    {
        if (BuiltinRoles.All.ContainsKey(name))
        {
            throw EmulatorException.IllegalArgument($"role [{name}] is reserved and cannot be modified");
        }

        var role = RoleDescriptor.Parse(name, source);
        return Change(() =>
        {
            var created = !_roles.ContainsKey(name);
            _roles[name] = (role, (JsonObject)source.DeepClone());
            return created;
        });
    }

    public bool DeleteRole(string name)
    {
        if (BuiltinRoles.All.ContainsKey(name))
        {
            throw EmulatorException.IllegalArgument($"role [{name}] is reserved and cannot be deleted");
        }

        return Change(() => _roles.Remove(name));
    }

    public UserRecord? FindUser(string username)
    {
        if (username == Elastic.Username)
        {
            return Elastic;
        }

        lock (_lock)
        {
            return _users.GetValueOrDefault(username);
        }
    }

    public IReadOnlyList<UserRecord> Users()
    {
        lock (_lock)
        {
            return [Elastic, .. _users.Values.OrderBy(u => u.Username, StringComparer.Ordinal)];
        }
    }

    /// <summary>Creates or replaces a native user; true when it was created.</summary>
    public bool PutUser(UserRecord user) => Change(() =>
    {
        var created = !_users.ContainsKey(user.Username);
        _users[user.Username] = user;
        return created;
    });

    public bool DeleteUser(string username) => Change(() => _users.Remove(username));

    public ApiKeyRecord? FindKey(string id)
    {
        lock (_lock)
        {
            return _keys.GetValueOrDefault(id);
        }
    }

    public IReadOnlyList<ApiKeyRecord> Keys()
    {
        lock (_lock)
        {
            return _keys.Values.OrderBy(k => k.Creation).ThenBy(k => k.Id, StringComparer.Ordinal).ToList();
        }
    }

    public void AddKey(ApiKeyRecord key) => Change(() =>
    {
        _keys[key.Id] = key;
        return true;
    });

    /// <summary>Marks keys invalidated; returns (newly invalidated ids, ids that already were).</summary>
    public (List<string> Invalidated, List<string> Previously) Invalidate(IEnumerable<ApiKeyRecord> keys, long nowMillis) => Change(() =>
    {
        var invalidated = new List<string>();
        var previously = new List<string>();
        foreach (var key in keys)
        {
            if (key.Invalidated)
            {
                previously.Add(key.Id);
                continue;
            }

            key.Invalidated = true;
            key.Invalidation = nowMillis;
            invalidated.Add(key.Id);
        }

        return (invalidated, previously);
    });

    private T Change<T>(Func<T> change)
    {
        lock (_lock)
        {
            var result = change();
            Save();
            return result;
        }
    }

    private void Load()
    {
        if (AtomicJsonFile.Read(_path) is not { } root)
        {
            return;
        }

        foreach (var (name, source) in root["roles"] as JsonObject ?? [])
        {
            _roles[name] = (RoleDescriptor.Parse(name, (JsonObject)source!), (JsonObject)source!.DeepClone());
        }

        foreach (var user in root["users"] as JsonArray ?? [])
        {
            var record = UserRecord.FromJson((JsonObject)user!);
            _users[record.Username] = record;
        }

        foreach (var key in root["api_keys"] as JsonArray ?? [])
        {
            var record = ApiKeyRecord.FromJson((JsonObject)key!);
            _keys[record.Id] = record;
        }
    }

    private void Save()
    {
        if (_path is null)
        {
            return;
        }

        var roles = new JsonObject();
        foreach (var (name, role) in _roles)
        {
            roles[name] = role.Source.DeepClone();
        }

        var root = new JsonObject
        {
            ["roles"] = roles,
            ["users"] = new JsonArray(_users.Values.Select(u => (JsonNode?)u.ToJson()).ToArray()),
            ["api_keys"] = new JsonArray(_keys.Values.Select(k => (JsonNode?)k.ToJson()).ToArray()),
        };
        AtomicJsonFile.Write(_path, root);
    }
}

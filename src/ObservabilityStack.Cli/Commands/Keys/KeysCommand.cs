using System.CommandLine;
using ObservabilityStack.Gateway.Auth;

namespace ObservabilityStack.Cli.Commands.Keys;

/// <summary>
/// <c>obs keys create|list|revoke</c>: manage the gateway's API keys. The key is printed once; only its
/// salted hash is stored. A running gateway picks changes up within a second.
/// </summary>
internal static class KeysCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "Gateway data directory holding keys.json.", DefaultValueFactory = _ => Path.Combine("data", "gateway"), HelpName = "DIR" };
        var keys = new Command("keys", "Manage the gateway's API keys (create, list, revoke).");
        keys.Subcommands.Add(CreateCommand(data));
        keys.Subcommands.Add(ListCommand(data));
        keys.Subcommands.Add(RevokeCommand(data));
        return keys;
    }

    private static string KeysFile(string data) => Path.Combine(data, "keys.json");

    private static Command CreateCommand(Option<string> data)
    {
        var service = new Option<string>("--service") { Description = "Service the key writes as (e.g. shop-api).", Required = true };
        var env = new Option<string[]>("--env") { Description = "Environment(s) the key may write; the first is the default.", DefaultValueFactory = _ => ["production"], AllowMultipleArgumentsPerToken = true };
        var browser = new Option<bool>("--browser") { Description = "A public browser key for /v1/browser-logs (needs --origin)." };
        var origin = new Option<string[]>("--origin") { Description = "Origin(s) a browser key may be used from.", AllowMultipleArgumentsPerToken = true };
        var create = new Command("create", "Create a key; it is printed once and only its hash is stored.") { service, env, browser, origin, data };
        create.SetAction(parse =>
        {
            var origins = parse.GetValue(origin) ?? [];
            if (parse.GetValue(browser) && origins.Length == 0)
            {
                Console.Error.WriteLine("A browser key needs at least one --origin (e.g. --origin https://shop.example).");
                return 2;
            }

            var (record, key) = ApiKeys.Create(KeysFile(parse.GetValue(data)!), parse.GetValue(service)!, parse.GetValue(env)!,
                parse.GetValue(browser), origins, DateTimeOffset.UtcNow);
            Console.WriteLine($"Created key {record.Id} for {record.Service} ({string.Join(", ", record.Environments)}).");
            Console.WriteLine("Store it now; it will not be shown again:");
            Console.WriteLine(key);
            return 0;
        });
        return create;
    }

    private static Command ListCommand(Option<string> data)
    {
        var list = new Command("list", "List keys (ids, services, environments; never the keys themselves).") { data };
        list.SetAction(parse =>
        {
            foreach (var k in ApiKeys.Load(KeysFile(parse.GetValue(data)!)).Keys)
            {
                var state = k.Revoked is null ? "active" : $"revoked {k.Revoked:u}";
                var kind = k.Browser ? $"browser [{string.Join(' ', k.Origins)}]" : "server";
                Console.WriteLine($"{k.Id}  {k.Service,-20} {string.Join(',', k.Environments),-24} {kind,-10} {state}");
            }

            return 0;
        });
        return list;
    }

    private static Command RevokeCommand(Option<string> data)
    {
        var id = new Argument<string>("id") { Description = "Key id (as shown by obs keys list)." };
        var revoke = new Command("revoke", "Revoke a key; a running gateway refuses it within a second.") { id, data };
        revoke.SetAction(parse =>
        {
            if (!ApiKeys.Revoke(KeysFile(parse.GetValue(data)!), parse.GetValue(id)!, DateTimeOffset.UtcNow))
            {
                Console.Error.WriteLine($"No key with id '{parse.GetValue(id)}'. See obs keys list.");
                return 1;
            }

            Console.WriteLine($"Revoked {parse.GetValue(id)}.");
            return 0;
        });
        return revoke;
    }
}

using System.Text.Json.Nodes;

namespace ObservabilityStack.Emulator.Tests.Security;

public sealed class ApiKeyTests
{
    private const string Doc = """{"@timestamp":"2026-11-22T01:00:00Z","message":"hello"}""";

    [Fact]
    public async Task AKeyNeverHasMoreThanItsCreator()
    {
        await using var es = await SecuredCluster.StartAsync();
        await es.CreateDataStreamAsync("logs-shop_api-production");
        (await es.SendAsync(SecuredCluster.Elastic, HttpMethod.Put, "/_security/role/key_maker",
            """{"cluster":["manage_own_api_key"],"indices":[{"names":["logs-*"],"privileges":["read"]}]}""")).Code.ShouldBe(200);
        (await es.SendAsync(SecuredCluster.Elastic, HttpMethod.Put, "/_security/user/maker",
            """{"password":"maker-password","roles":["key_maker"]}""")).Code.ShouldBe(200);
        var everything = new JsonObject
        {
            ["greedy"] = JsonNode.Parse("""{"cluster":["all"],"indices":[{"names":["*"],"privileges":["all"]}]}"""),
        };
        var key = await es.CreateKeyAsync("greedy", everything, SecuredCluster.Basic("maker", "maker-password"));

        (await es.SendAsync(key, HttpMethod.Post, "/logs-*/_search", "{}")).Code.ShouldBe(200);
        (await es.SendAsync(key, HttpMethod.Post, "/logs-shop_api-production/_doc", Doc)).Code.ShouldBe(403);
        (await es.SendAsync(key, HttpMethod.Put, "/other")).Code.ShouldBe(403);
        (await es.SendAsync(key, HttpMethod.Get, "/_cluster/health")).Code.ShouldBe(403);
    }

    [Fact]
    public async Task ListingKeysShowsTheirDescriptorsButNeverTheSecretOrItsHash()
    {
        await using var es = await SecuredCluster.StartAsync();
        var created = await es.SendAsync(SecuredCluster.Elastic, HttpMethod.Post, "/_security/api_key",
            """{"name":"obs-gateway","role_descriptors":{"w":{"indices":[{"names":["logs-*"],"privileges":["create_doc"]}]}},"metadata":{"managed_by":"obs"}}""");
        var secret = created.Json["api_key"]!.GetValue<string>();

        var listed = await es.SendAsync(SecuredCluster.Elastic, HttpMethod.Get, "/_security/api_key?name=obs-gateway&active_only=true");
        listed.Code.ShouldBe(200);
        var key = listed.Json["api_keys"]![0]!;
        key["id"]!.GetValue<string>().ShouldBe(created.Json["id"]!.GetValue<string>());
        key["invalidated"]!.GetValue<bool>().ShouldBeFalse();
        key["username"]!.GetValue<string>().ShouldBe("elastic");
        key["metadata"]!["managed_by"]!.GetValue<string>().ShouldBe("obs");
        key["role_descriptors"]!["w"]!["indices"]![0]!["privileges"]![0]!.GetValue<string>().ShouldBe("create_doc");
        key["limited_by"]![0]!["superuser"].ShouldNotBeNull();
        listed.Raw.ShouldNotContain(secret);
        listed.Raw.ShouldNotContain("ssha256");

        (await es.SendAsync(SecuredCluster.Elastic, HttpMethod.Delete, "/_security/api_key", """{"name":"obs-gateway"}""")).Code.ShouldBe(200);
        var active = await es.SendAsync(SecuredCluster.Elastic, HttpMethod.Get, "/_security/api_key?name=obs-gateway&active_only=true");
        active.Json["api_keys"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task RolesAndKeysSurviveARestartAndOnlyHashesAreStored()
    {
        var data = Directory.CreateTempSubdirectory("obs-sec-").FullName;
        try
        {
            string key;
            string secret;
            await using (var es = await SecuredCluster.StartAsync(data))
            {
                var created = await es.SendAsync(SecuredCluster.Elastic, HttpMethod.Post, "/_security/api_key", """{"name":"kept"}""");
                secret = created.Json["api_key"]!.GetValue<string>();
                key = SecuredCluster.ApiKey(created.Json["encoded"]!.GetValue<string>());
            }

            (await File.ReadAllTextAsync(Path.Combine(data, "security.json"))).ShouldNotContain(secret);
            await using (var es = await SecuredCluster.StartAsync(data, applyRoles: false))
            {
                (await es.SendAsync(key, HttpMethod.Get, "/_security/_authenticate")).Code.ShouldBe(200);
                var role = await es.SendAsync(SecuredCluster.Elastic, HttpMethod.Get, "/_security/role/logs_writer");
                role.Code.ShouldBe(200);
                role.Json["logs_writer"]!["indices"]![0]!["privileges"]![0]!.GetValue<string>().ShouldBe("create_doc");
            }
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task BadRolesAreRefusedLikeElasticsearch()
    {
        await using var es = await SecuredCluster.StartAsync(applyRoles: false);
        var unknown = await es.SendAsync(SecuredCluster.Elastic, HttpMethod.Put, "/_security/role/r",
            """{"indices":[{"names":["a"],"privileges":["reed"]}]}""");
        unknown.Code.ShouldBe(400);
        unknown.ErrorType.ShouldBe("illegal_argument_exception");
        unknown.ErrorReason!.ShouldStartWith("unknown index privilege [reed]");
        (await es.SendAsync(SecuredCluster.Elastic, HttpMethod.Put, "/_security/role/superuser", """{"cluster":[]}""")).Code.ShouldBe(400);
        (await es.SendAsync(SecuredCluster.Elastic, HttpMethod.Get, "/_security/role/missing")).Code.ShouldBe(404);
        var builtin = await es.SendAsync(SecuredCluster.Elastic, HttpMethod.Get, "/_security/role/superuser");
        builtin.Json["superuser"]!["metadata"]!["_reserved"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task CreatingKeysNeedsTheRightToManageThem()
    {
        await using var es = await SecuredCluster.StartAsync();
        var gateway = await es.CreateKeyForRoleAsync("logs_writer");
        var refused = await es.SendAsync(gateway, HttpMethod.Post, "/_security/api_key", """{"name":"more"}""");
        refused.Code.ShouldBe(403);
        refused.ErrorReason!.ShouldContain("cluster:admin/xpack/security/api_key/create");
        (await es.SendAsync(gateway, HttpMethod.Put, "/_security/role/mine", """{"cluster":["all"]}""")).Code.ShouldBe(403);
    }
}

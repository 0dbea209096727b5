using System.Text;

namespace ObservabilityStack.Emulator.Tests.Security;

public sealed class AuthenticationTests
{
    [Fact]
    public async Task ARequestWithoutCredentialsGets401WithTheChallengesElasticsearchSends()
    {
        await using var es = await SecuredCluster.StartAsync(applyRoles: false);
        var answer = await es.SendAsync(null, HttpMethod.Get, "/logs-x/_search?q=a");
        answer.Code.ShouldBe(401);
        answer.ErrorType.ShouldBe("security_exception");
        answer.ErrorReason.ShouldBe("missing authentication credentials for REST request [/logs-x/_search?q=a]");
        answer.Headers.WwwAuthenticate.Select(h => h.ToString()).ShouldBe(["Basic realm=\"security\", charset=\"UTF-8\"", "Bearer realm=\"security\"", "ApiKey"]);
        answer.Json["error"]!["header"]!["WWW-Authenticate"]!.AsArray().Count.ShouldBe(3);
        answer.Json["error"]!["root_cause"]![0]!["type"]!.GetValue<string>().ShouldBe("security_exception");
    }

    [Fact]
    public async Task AWrongPasswordGets401NamingTheUser()
    {
        await using var es = await SecuredCluster.StartAsync(applyRoles: false);
        var answer = await es.SendAsync(SecuredCluster.Basic("elastic", "wrong"), HttpMethod.Get, "/");
        answer.Code.ShouldBe(401);
        answer.ErrorReason.ShouldBe("unable to authenticate user [elastic] for REST request [/]");
    }

    [Fact]
    public async Task TheElasticUserAuthenticatesAsASuperuserOfTheReservedRealm()
    {
        await using var es = await SecuredCluster.StartAsync(applyRoles: false);
        var answer = await es.SendAsync(SecuredCluster.Elastic, HttpMethod.Get, "/_security/_authenticate");
        answer.Code.ShouldBe(200, answer.Raw);
        answer.Json["username"]!.GetValue<string>().ShouldBe("elastic");
        answer.Json["roles"]![0]!.GetValue<string>().ShouldBe("superuser");
        answer.Json["authentication_realm"]!["type"]!.GetValue<string>().ShouldBe("reserved");
        answer.Json["authentication_type"]!.GetValue<string>().ShouldBe("realm");
        (await es.SendAsync(SecuredCluster.Elastic, HttpMethod.Get, "/")).Code.ShouldBe(200);
    }

    [Fact]
    public async Task AnApiKeyAuthenticatesAsItselfOnBehalfOfItsCreator()
    {
        await using var es = await SecuredCluster.StartAsync(applyRoles: false);
        var created = await es.SendAsync(SecuredCluster.Elastic, HttpMethod.Post, "/_security/api_key", """{"name":"tool"}""");
        var id = created.Json["id"]!.GetValue<string>();
        var secret = created.Json["api_key"]!.GetValue<string>();
        created.Json["encoded"]!.GetValue<string>().ShouldBe(Convert.ToBase64String(Encoding.UTF8.GetBytes($"{id}:{secret}")));

        var answer = await es.SendAsync(SecuredCluster.ApiKey(created.Json["encoded"]!.GetValue<string>()), HttpMethod.Get, "/_security/_authenticate");
        answer.Code.ShouldBe(200, answer.Raw);
        answer.Json["username"]!.GetValue<string>().ShouldBe("elastic");
        answer.Json["authentication_type"]!.GetValue<string>().ShouldBe("api_key");
        answer.Json["api_key"]!["id"]!.GetValue<string>().ShouldBe(id);
        answer.Json["api_key"]!["name"]!.GetValue<string>().ShouldBe("tool");
    }

    [Fact]
    public async Task AnUnknownKeyAWrongSecretAndGarbageAreAll401()
    {
        await using var es = await SecuredCluster.StartAsync(applyRoles: false);
        var created = await es.SendAsync(SecuredCluster.Elastic, HttpMethod.Post, "/_security/api_key", """{"name":"tool"}""");
        var id = created.Json["id"]!.GetValue<string>();
        var wrongSecret = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{id}:not-the-secret"));
        var unknown = Convert.ToBase64String(Encoding.UTF8.GetBytes("nope:nope"));
        foreach (var header in new[] { SecuredCluster.ApiKey(wrongSecret), SecuredCluster.ApiKey(unknown), "ApiKey !!!", "Bearer abc" })
        {
            var answer = await es.SendAsync(header, HttpMethod.Get, "/");
            answer.Code.ShouldBe(401, header);
            answer.ErrorType.ShouldBe("security_exception");
            answer.ErrorReason.ShouldBe("unable to authenticate with provided credentials and anonymous access is not allowed for this request");
        }
    }

    [Fact]
    public async Task AnInvalidatedKeyIsRefusedFromThenOn()
    {
        await using var es = await SecuredCluster.StartAsync(applyRoles: false);
        var created = await es.SendAsync(SecuredCluster.Elastic, HttpMethod.Post, "/_security/api_key", """{"name":"short-lived"}""");
        var key = SecuredCluster.ApiKey(created.Json["encoded"]!.GetValue<string>());
        (await es.SendAsync(key, HttpMethod.Get, "/")).Code.ShouldBe(200);

        var invalidate = await es.SendAsync(SecuredCluster.Elastic, HttpMethod.Delete, "/_security/api_key", """{"name":"short-lived"}""");
        invalidate.Json["invalidated_api_keys"]![0]!.GetValue<string>().ShouldBe(created.Json["id"]!.GetValue<string>());

        var refused = await es.SendAsync(key, HttpMethod.Get, "/");
        refused.Code.ShouldBe(401);
        refused.Json["error"]!["additional_unsuccessful_credentials"]!.GetValue<string>().ShouldContain("has been invalidated");
        var again = await es.SendAsync(SecuredCluster.Elastic, HttpMethod.Delete, "/_security/api_key", $$"""{"ids":["{{created.Json["id"]}}"]}""");
        again.Json["previously_invalidated_api_keys"]!.AsArray().Count.ShouldBe(1);
    }

    [Fact]
    public async Task SecurityWithoutAPasswordForElasticRefusesToStart()
    {
        var options = new EmulatorOptions { Port = 0, Security = true, ElasticPassword = null };
        var error = await Should.ThrowAsync<InvalidOperationException>(() => EmulatorHost.StartAsync(options));
        error.Message.ShouldContain("ELASTIC_PASSWORD");
    }
}

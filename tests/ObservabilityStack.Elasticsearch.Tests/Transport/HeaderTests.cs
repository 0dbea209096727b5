using System.Text;
using ObservabilityStack.Elasticsearch.Bulk;
using ObservabilityStack.Elasticsearch.Tests.Support;

namespace ObservabilityStack.Elasticsearch.Tests.Transport;

public sealed class HeaderTests : ScriptedServerTest
{
    [Fact]
    public async Task BasicAuthSendsBase64OfUserColonPassword()
    {
        using var client = Client(o => (o.Username, o.Password) = ("elastic", "p@ss:word"));

        await client.RefreshAsync();

        Server.Requests.ShouldHaveSingleItem().Header("Authorization").ShouldBe("Basic " + B64("elastic:p@ss:word"));
    }

    [Fact]
    public async Task UserInfoInTheUrlIsUsedAsBasicAuthAndNotPrinted()
    {
        using var client = Client(o => o.Url = new UriBuilder(Server.Url) { UserName = "ingest", Password = "t0p%20secret" }.Uri);

        await client.RefreshAsync();

        Server.Requests.ShouldHaveSingleItem().Header("Authorization").ShouldBe("Basic " + B64("ingest:t0p secret"));
        client.ToString().ShouldNotContain("t0p");
        client.Options.ToString().ShouldContain("auth: Basic");
    }

    [Fact]
    public async Task AnEncodedApiKeyIsSentAsIs()
    {
        using var client = Client(o => o.ApiKey = "VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw==");

        await client.RefreshAsync();

        Server.Requests.ShouldHaveSingleItem().Header("Authorization")
            .ShouldBe("ApiKey VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw==");
    }

    [Fact]
    public async Task AnApiKeyIdAndSecretAreEncodedAsBase64OfIdColonKey()
    {
        using var client = Client(o => (o.ApiKeyId, o.ApiKey) = ("VuaCfGcBCdbkQm-e5aOx", "ui2lp2axTNmsyakw9tvNnw"));

        await client.RefreshAsync();

        Server.Requests.ShouldHaveSingleItem().Header("Authorization")
            .ShouldBe("ApiKey " + B64("VuaCfGcBCdbkQm-e5aOx:ui2lp2axTNmsyakw9tvNnw"));
    }

    [Fact]
    public async Task ABearerTokenIsSentWithTheBearerScheme()
    {
        using var client = Client(o => o.BearerToken = "AAEAAWVsYXN0aWMvZmxlZXQtc2VydmVyL3Rva2VuMQ");

        await client.RefreshAsync();

        Server.Requests.ShouldHaveSingleItem().Header("Authorization").ShouldBe("Bearer AAEAAWVsYXN0aWMvZmxlZXQtc2VydmVyL3Rva2VuMQ");
    }

    [Fact]
    public async Task WithoutCredentialsNoAuthorizationHeaderIsSent()
    {
        using var client = Client();

        await client.RefreshAsync();

        Server.Requests.ShouldHaveSingleItem().Header("Authorization").ShouldBeNull();
    }

    [Fact]
    public void SecretsNeverAppearInToString()
    {
        var options = new ElasticsearchClientOptions
        {
            Url = new Uri("https://admin:hunter2@es.example:9200"),
            ApiKey = "key-secret",
            BearerToken = "token-secret",
            Password = "pw-secret",
            CompatibilityVersion = 8,
        };

        var text = options.ToString();

        text.ShouldBe("https://es.example:9200/ (auth: ApiKey, compatible-with=8)");
        foreach (var secret in new[] { "hunter2", "key-secret", "token-secret", "pw-secret", "admin" })
        {
            text.ShouldNotContain(secret);
        }
    }

    [Theory]
    [InlineData(8)]
    [InlineData(9)]
    public async Task CompatibilityModeSetsVendorMediaTypesOnJsonAndNdjson(int version)
    {
        using var client = Client(o => o.CompatibilityVersion = version);
        Server.DefaultBody = """{"took":1,"errors":false,"items":[],"count":0}""";

        await client.CountAsync("logs", """{"query":{"match_all":{}}}""");
        await client.BulkAsync([BulkOperation.Create("logs", "1", "{}"u8.ToArray())]);

        var count = Server.Requests[0];
        count.Header("Accept").ShouldBe($"application/vnd.elasticsearch+json; compatible-with={version}");
        count.Header("Content-Type").ShouldBe($"application/vnd.elasticsearch+json; compatible-with={version}");
        var bulk = Server.Requests[1];
        bulk.Header("Accept").ShouldBe($"application/vnd.elasticsearch+json; compatible-with={version}");
        bulk.Header("Content-Type").ShouldBe($"application/vnd.elasticsearch+x-ndjson; compatible-with={version}");
    }

    [Fact]
    public void AnUnsupportedCompatibilityVersionIsRefusedWithTheSettingName()
    {
        var error = Should.Throw<ArgumentException>(() => Client(o => o.CompatibilityVersion = 7));

        error.ParamName.ShouldBe("CompatibilityVersion");
    }

    private static string B64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}

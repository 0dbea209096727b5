namespace ObservabilityStack.Emulator.Tests.Security;

/// <summary>The roles of elk/elasticsearch/roles, enforced: what the gateway, the alert engine and a reader may do.</summary>
public sealed class RolePrivilegeTests
{
    private const string Doc = """{"@timestamp":"2026-11-22T01:00:00Z","message":"hello"}""";

    [Fact]
    public async Task TheGatewayKeyCreatesDocumentsInLogsDataStreams()
    {
        await using var es = await SecuredCluster.StartAsync();
        await es.CreateDataStreamAsync("logs-shop_api-production");
        var gateway = await es.CreateKeyForRoleAsync("logs_writer");

        var bulk = await es.BulkAsync(gateway, "/_bulk", """{"create":{"_index":"logs-shop_api-production"}}""", Doc);
        bulk.Json["errors"]!.GetValue<bool>().ShouldBeFalse(bulk.Raw);
        bulk.Json["items"]![0]!["create"]!["status"]!.GetValue<int>().ShouldBe(201);
        var single = await es.SendAsync(gateway, HttpMethod.Post, "/logs-shop_api-production/_doc", Doc);
        single.Code.ShouldBe(201, single.Raw);
    }

    [Fact]
    public async Task TheGatewayKeyCannotWriteAnywhereElseAndForbiddenItemsFailAlone()
    {
        await using var es = await SecuredCluster.StartAsync();
        await es.CreateDataStreamAsync("logs-shop_api-production");
        (await es.SendAsync(SecuredCluster.Elastic, HttpMethod.Put, "/orders")).Code.ShouldBe(200);
        var gateway = await es.CreateKeyForRoleAsync("logs_writer");
        var keyId = (await es.SendAsync(gateway, HttpMethod.Get, "/_security/_authenticate")).Json["api_key"]!["id"]!.GetValue<string>();

        var bulk = await es.BulkAsync(gateway, "/_bulk",
            """{"create":{"_index":"logs-shop_api-production"}}""", Doc,
            """{"index":{"_index":"orders","_id":"1"}}""", Doc,
            """{"create":{"_index":"logs-shop_api-production"}}""", Doc);
        bulk.Json["errors"]!.GetValue<bool>().ShouldBeTrue();
        var items = bulk.Json["items"]!.AsArray();
        items[0]!["create"]!["status"]!.GetValue<int>().ShouldBe(201);
        items[2]!["create"]!["status"]!.GetValue<int>().ShouldBe(201);
        var denied = items[1]!["index"]!;
        denied["status"]!.GetValue<int>().ShouldBe(403);
        denied["error"]!["type"]!.GetValue<string>().ShouldBe("security_exception");
        denied["error"]!["reason"]!.GetValue<string>().ShouldBe(
            $"action [indices:data/write/bulk[s]] is unauthorized for API key id [{keyId}] of user [elastic] on indices [orders], " +
            "this action is granted by the index privileges [create,index,write,all]");

        var other = await es.SendAsync(gateway, HttpMethod.Put, "/orders/_create/2", Doc);
        other.Code.ShouldBe(403);
        other.ErrorReason!.ShouldContain("granted by the index privileges [create_doc,create,index,write,all]");
        var newIndex = await es.SendAsync(gateway, HttpMethod.Post, "/logs-new-default/_doc", Doc);
        newIndex.Code.ShouldBe(403);
        newIndex.ErrorReason!.ShouldContain("action [indices:admin/auto_create]");
    }

    [Fact]
    public async Task TheGatewayKeyCannotSearchReadDeleteOrAdminister()
    {
        await using var es = await SecuredCluster.StartAsync();
        await es.CreateDataStreamAsync("logs-shop_api-production");
        var gateway = await es.CreateKeyForRoleAsync("logs_writer");
        var created = await es.SendAsync(gateway, HttpMethod.Post, "/logs-shop_api-production/_doc?refresh=true", Doc);
        var backing = created.Json["_index"]!.GetValue<string>();
        var id = created.Json["_id"]!.GetValue<string>();

        var search = await es.SendAsync(gateway, HttpMethod.Post, "/logs-*/_search", "{}");
        search.Code.ShouldBe(403);
        search.ErrorReason!.ShouldEndWith("on indices [logs-*], this action is granted by the index privileges [read,all]");
        (await es.SendAsync(gateway, HttpMethod.Get, $"/{backing}/_doc/{id}")).Code.ShouldBe(403);
        (await es.SendAsync(gateway, HttpMethod.Delete, $"/{backing}/_doc/{id}")).Code.ShouldBe(403);
        (await es.SendAsync(gateway, HttpMethod.Post, "/logs-shop_api-production/_delete_by_query", """{"query":{"match_all":{}}}""")).Code.ShouldBe(403);
        (await es.SendAsync(gateway, HttpMethod.Delete, "/_data_stream/logs-shop_api-production")).Code.ShouldBe(403);
        (await es.SendAsync(gateway, HttpMethod.Put, "/_index_template/evil", """{"index_patterns":["x-*"]}""")).Code.ShouldBe(403);
        var root = await es.SendAsync(gateway, HttpMethod.Get, "/");
        root.Code.ShouldBe(403);
        root.ErrorReason!.ShouldEndWith("this action is granted by the cluster privileges [monitor,manage,all]");

        var count = await es.SendAsync(SecuredCluster.Elastic, HttpMethod.Get, "/logs-shop_api-production/_count");
        count.Json["count"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public async Task TheAlertingKeyReadsLogsAndKeepsItsStateButCannotWriteLogs()
    {
        await using var es = await SecuredCluster.StartAsync();
        await es.CreateDataStreamAsync("logs-shop_api-production");
        var alerting = await es.CreateKeyForRoleAsync("alerting");

        var write = await es.BulkAsync(alerting, "/_bulk", """{"create":{"_index":"logs-shop_api-production"}}""", Doc);
        write.Json["items"]![0]!["create"]!["status"]!.GetValue<int>().ShouldBe(403);
        (await es.SendAsync(alerting, HttpMethod.Post, "/logs-shop_api-production/_doc", Doc)).Code.ShouldBe(403);

        (await es.SendAsync(alerting, HttpMethod.Post, "/logs-*/_search", """{"size":0}""")).Code.ShouldBe(200);
        var state = await es.SendAsync(alerting, HttpMethod.Put, "/obs-alerts-state/_doc/rule-1?refresh=true", """{"status":"firing"}""");
        state.Code.ShouldBe(201, state.Raw);
        var history = await es.BulkAsync(alerting, "/_bulk?refresh=true", """{"index":{"_index":"obs-alerts-history"}}""", """{"rule":"r"}""");
        history.Json["errors"]!.GetValue<bool>().ShouldBeFalse(history.Raw);
        (await es.SendAsync(alerting, HttpMethod.Get, "/obs-alerts-state/_doc/rule-1")).Code.ShouldBe(200);
        (await es.SendAsync(alerting, HttpMethod.Post, "/obs-alerts-*/_search", "{}")).Code.ShouldBe(200);
        (await es.SendAsync(SecuredCluster.Elastic, HttpMethod.Put, "/secrets")).Code.ShouldBe(200);
        var named = await es.SendAsync(alerting, HttpMethod.Post, "/secrets/_search", "{}");
        named.Code.ShouldBe(403);
        named.ErrorReason!.ShouldContain("on indices [secrets]");
    }

    [Fact]
    public async Task WildcardReadsAreNarrowedToWhatTheUserMayReadAndNamedForbiddenIndicesStillFail()
    {
        await using var es = await SecuredCluster.StartAsync();
        await es.CreateDataStreamAsync("logs-shop_api-production");
        (await es.SendAsync(SecuredCluster.Elastic, HttpMethod.Post, "/logs-shop_api-production/_doc?refresh=true", Doc)).Code.ShouldBe(201);
        (await es.SendAsync(SecuredCluster.Elastic, HttpMethod.Post, "/secrets/_doc?refresh=true", """{"password":"hunter2"}""")).Code.ShouldBe(201);
        var reader = await es.CreateKeyForRoleAsync("logs_reader");

        var everything = await es.SendAsync(reader, HttpMethod.Post, "/_search", "{}");
        everything.Code.ShouldBe(200, everything.Raw);
        everything.Json["hits"]!["total"]!["value"]!.GetValue<int>().ShouldBe(1);
        everything.Json["hits"]!["hits"]![0]!["_index"]!.GetValue<string>().ShouldStartWith(".ds-logs-shop_api-production");
        var star = await es.SendAsync(reader, HttpMethod.Get, "/*/_count");
        star.Json["count"]!.GetValue<int>().ShouldBe(1, star.Raw);
        var nothingGranted = await es.SendAsync(reader, HttpMethod.Post, "/sec*/_search", "{}");
        nothingGranted.Code.ShouldBe(200, nothingGranted.Raw);
        nothingGranted.Json["hits"]!["total"]!["value"]!.GetValue<int>().ShouldBe(0);
        var mixed = await es.SendAsync(reader, HttpMethod.Post, "/logs-*,secrets/_search", "{}");
        mixed.Code.ShouldBe(403);
        mixed.ErrorReason!.ShouldContain("on indices [secrets]");
        var admin = await es.SendAsync(SecuredCluster.Elastic, HttpMethod.Post, "/_search", "{}");
        admin.Json["hits"]!["total"]!["value"]!.GetValue<int>().ShouldBe(2, admin.Raw);
    }

    [Fact]
    public async Task AReaderSearchesLogsButCannotDeleteOrWrite()
    {
        await using var es = await SecuredCluster.StartAsync();
        await es.CreateDataStreamAsync("logs-shop_api-production");
        (await es.SendAsync(SecuredCluster.Elastic, HttpMethod.Put, "/_security/user/dev", """{"password":"dev-password","roles":["logs_reader"]}""")).Code.ShouldBe(200);
        var created = await es.SendAsync(SecuredCluster.Elastic, HttpMethod.Post, "/logs-shop_api-production/_doc?refresh=true", Doc);
        var backing = created.Json["_index"]!.GetValue<string>();
        var reader = SecuredCluster.Basic("dev", "dev-password");

        var search = await es.SendAsync(reader, HttpMethod.Post, "/logs-*/_search", "{}");
        search.Code.ShouldBe(200, search.Raw);
        search.Json["hits"]!["total"]!["value"]!.GetValue<int>().ShouldBe(1);
        var delete = await es.SendAsync(reader, HttpMethod.Delete, $"/{backing}/_doc/{created.Json["_id"]}");
        delete.Code.ShouldBe(403);
        delete.ErrorReason.ShouldBe($"action [indices:data/write/delete] is unauthorized for user [dev] with effective roles [logs_reader] on indices [{backing}], " +
            "this action is granted by the index privileges [delete,write,all]");
        (await es.SendAsync(reader, HttpMethod.Post, "/logs-*/_delete_by_query", """{"query":{"match_all":{}}}""")).Code.ShouldBe(403);
        (await es.SendAsync(reader, HttpMethod.Delete, "/_data_stream/logs-shop_api-production")).Code.ShouldBe(403);
        (await es.SendAsync(reader, HttpMethod.Post, "/logs-shop_api-production/_doc", Doc)).Code.ShouldBe(403);
        (await es.SendAsync(SecuredCluster.Elastic, HttpMethod.Get, "/logs-shop_api-production/_count")).Json["count"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public async Task MultiSearchFailsOnlyTheSearchesOfForbiddenIndices()
    {
        await using var es = await SecuredCluster.StartAsync();
        await es.CreateDataStreamAsync("logs-shop_api-production");
        (await es.SendAsync(SecuredCluster.Elastic, HttpMethod.Put, "/secrets")).Code.ShouldBe(200);
        var alerting = await es.CreateKeyForRoleAsync("alerting");

        var allowed = await es.SendAsync(alerting, HttpMethod.Post, "/_msearch", "{\"index\":\"logs-*\"}\n{}\n", "application/x-ndjson");
        allowed.Code.ShouldBe(200, allowed.Raw);
        allowed.Json["responses"]![0]!["status"]!.GetValue<int>().ShouldBe(200);
        var mixed = await es.SendAsync(alerting, HttpMethod.Post, "/_msearch", "{\"index\":\"logs-*\"}\n{}\n{\"index\":\"secrets\"}\n{}\n", "application/x-ndjson");
        mixed.Code.ShouldBe(200, mixed.Raw);
        mixed.Json["responses"]![0]!["status"]!.GetValue<int>().ShouldBe(200);
        mixed.Json["responses"]![1]!["status"]!.GetValue<int>().ShouldBe(403);
        mixed.Json["responses"]![1]!["error"]!["reason"]!.GetValue<string>().ShouldContain("on indices [secrets]");
        var writer = await es.CreateKeyForRoleAsync("logs_writer");
        (await es.SendAsync(writer, HttpMethod.Post, "/_msearch", "{\"index\":\"logs-*\"}\n{}\n", "application/x-ndjson")).Code.ShouldBe(403);
    }
}

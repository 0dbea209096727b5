using ObservabilityStack.Elasticsearch.Tests.Support;

namespace ObservabilityStack.Elasticsearch.Tests.Cluster;

public sealed class ClusterTests : ScriptedServerTest
{
    private const string Info = """
        {"name":"node-1","cluster_name":"docker-cluster","cluster_uuid":"x5Q0Aw","version":{"number":"9.1.3","build_flavor":"default",
         "build_type":"docker","lucene_version":"10.2.2","minimum_wire_compatibility_version":"8.19.0"},"tagline":"You Know, for Search"}
        """;

    [Fact]
    public async Task InfoReadsTheVersionWhenTheProductHeaderIsPresent()
    {
        Server.EnqueueElasticsearch(200, Info);
        using var client = Client();

        var info = await client.InfoAsync();

        info.Version.Number.ShouldBe("9.1.3");
        info.MajorVersion.ShouldBe(9);
        info.ClusterName.ShouldBe("docker-cluster");
        info.Version.LuceneVersion.ShouldBe("10.2.2");
    }

    [Fact]
    public async Task ASuccessfulAnswerWithoutTheProductHeaderIsNotElasticsearch()
    {
        Server.Enqueue(200, Info);
        using var client = Client();

        var error = await Should.ThrowAsync<ElasticsearchException>(() => client.InfoAsync());

        error.Message.ShouldStartWith($"not Elasticsearch: {Server.Url} answered 200");
        error.ErrorType.ShouldBe("product_check_exception");
    }

    [Fact]
    public async Task HealthPassesWaitParametersAndReadsATimedOutWait()
    {
        Server.EnqueueElasticsearch(408, """{"cluster_name":"c","status":"yellow","timed_out":true,"number_of_nodes":1,"number_of_data_nodes":1,"active_primary_shards":4,"active_shards":4,"unassigned_shards":4}""");
        using var client = Client();

        var health = await client.ClusterHealthAsync("logs", "green", TimeSpan.FromSeconds(2));

        health.TimedOut.ShouldBeTrue();
        health.Status.ShouldBe("yellow");
        health.IsAvailable.ShouldBeTrue();
        health.UnassignedShards.ShouldBe(4);
        Server.Requests.ShouldHaveSingleItem().PathAndQuery.ShouldBe("/_cluster/health/logs?wait_for_status=green&timeout=2000ms");
    }
}

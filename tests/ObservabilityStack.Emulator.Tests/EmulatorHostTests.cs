using ObservabilityStack.Elasticsearch;

namespace ObservabilityStack.Emulator.Tests;

public sealed class EmulatorHostTests
{
    [Fact]
    public async Task StartedEmulatorAnswersTheRootEndpointOverOurClient()
    {
        await using var host = await EmulatorHost.StartAsync(new EmulatorOptions { Port = 0 });
        using var client = new ElasticsearchClient(new ElasticsearchClientOptions { Url = host.Url });
        var response = await client.SendAsync(HttpMethod.Get, "/");
        response.IsSuccess.ShouldBeTrue();
        using var doc = response.ToJsonDocument();
        doc.RootElement.GetProperty("tagline").GetString().ShouldBe("You Know, for Search");
    }
}

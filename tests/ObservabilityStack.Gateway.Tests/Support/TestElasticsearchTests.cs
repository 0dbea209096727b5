using System.Text;

namespace ObservabilityStack.Gateway.Tests.Support;

/// <summary>The fault tests count delivered events through this helper, so it must see past one search page.</summary>
public sealed class TestElasticsearchTests
{
    [Fact]
    public async Task DocumentsAreReadBackBeyondTheTenThousandHitsOfOneSearch()
    {
        await using var es = await TestElasticsearch.StartNewAsync();
        using var http = new HttpClient { BaseAddress = es.Url };
        var body = new StringBuilder();
        for (var i = 0; i < 12_345; i++)
        {
            body.Append("{\"create\":{\"_index\":\"logs-paging-test\",\"_id\":\"d").Append(i).Append("\"}}\n{\"@timestamp\":\"2026-11-22T00:00:00Z\",\"n\":").Append(i).Append("}\n");
        }

        using var bulk = await http.PostAsync("/_bulk?refresh=true", new StringContent(body.ToString(), Encoding.UTF8, "application/x-ndjson"));
        bulk.EnsureSuccessStatusCode();

        var documents = await es.DocumentsAsync("logs-paging-test");

        documents.Count.ShouldBe(12_345);
        documents.Keys.ShouldAllBe(k => !k.Contains("#dup", StringComparison.Ordinal));
    }
}

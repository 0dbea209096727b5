using Microsoft.Extensions.Configuration;
using ObservabilityStack.Elasticsearch.Transport;

namespace ObservabilityStack.Elasticsearch.Tests.Transport;

public sealed class OptionsTests
{
    [Fact]
    public void OptionsBindFromConfiguration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Elasticsearch:Url"] = "https://es.internal:9200",
            ["Elasticsearch:ApiKeyId"] = "id1",
            ["Elasticsearch:ApiKey"] = "secret",
            ["Elasticsearch:CertificateFingerprint"] = new string('A', 64),
            ["Elasticsearch:RequestTimeout"] = "00:00:05",
            ["Elasticsearch:MaxRetries"] = "5",
            ["Elasticsearch:RetryBaseDelay"] = "00:00:00.050",
            ["Elasticsearch:CompatibilityVersion"] = "8",
        }).Build();
        var options = new ElasticsearchClientOptions();

        configuration.GetSection("Elasticsearch").Bind(options);
        options.Validate();

        options.Url.ShouldBe(new Uri("https://es.internal:9200"));
        options.ApiKeyId.ShouldBe("id1");
        options.RequestTimeout.ShouldBe(TimeSpan.FromSeconds(5));
        options.MaxRetries.ShouldBe(5);
        options.RetryBaseDelay.ShouldBe(TimeSpan.FromMilliseconds(50));
        options.CompatibilityVersion.ShouldBe(8);
    }

    [Theory]
    [InlineData("ftp://host", "Url")]
    [InlineData("http://host", "MaxRetries")]
    [InlineData("http://host", "CaCertificatePath")]
    public void InvalidSettingsAreRefusedNamingTheSetting(string url, string setting)
    {
        var options = new ElasticsearchClientOptions { Url = new Uri(url) };
        if (setting == "MaxRetries")
        {
            options.MaxRetries = -1;
        }

        if (setting == "CaCertificatePath")
        {
            options.CaCertificatePath = "/nonexistent/http_ca.crt";
        }

        Should.Throw<ArgumentException>(options.Validate).ParamName.ShouldBe(setting);
    }

    [Fact]
    public void BackoffDoublesWithJitterAndIsCapped()
    {
        var baseDelay = TimeSpan.FromMilliseconds(100);
        var max = TimeSpan.FromSeconds(1);

        RetryBackoff.Delay(0, baseDelay, max, null, 0).ShouldBe(TimeSpan.FromMilliseconds(50));
        RetryBackoff.Delay(0, baseDelay, max, null, 0.999).ShouldBeInRange(TimeSpan.FromMilliseconds(99), TimeSpan.FromMilliseconds(100));
        RetryBackoff.Delay(2, baseDelay, max, null, 1).ShouldBe(TimeSpan.FromMilliseconds(400));
        RetryBackoff.Delay(10, baseDelay, max, null, 1).ShouldBe(max);
        RetryBackoff.Delay(0, baseDelay, max, TimeSpan.FromMilliseconds(700), 0).ShouldBe(TimeSpan.FromMilliseconds(700));
        RetryBackoff.Delay(0, baseDelay, max, TimeSpan.FromMinutes(5), 0).ShouldBe(max);
    }

    [Fact]
    public void OnlyRejectionsAreRetriedForNonIdempotentRequests()
    {
        RetryBackoff.IsRetryableStatus(System.Net.HttpStatusCode.TooManyRequests, idempotent: false).ShouldBeTrue();
        RetryBackoff.IsRetryableStatus(System.Net.HttpStatusCode.ServiceUnavailable, idempotent: false).ShouldBeFalse();
        RetryBackoff.IsRetryableStatus(System.Net.HttpStatusCode.GatewayTimeout, idempotent: true).ShouldBeTrue();
        RetryBackoff.IsRetryableStatus(System.Net.HttpStatusCode.InternalServerError, idempotent: true).ShouldBeFalse();
    }
}

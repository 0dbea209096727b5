using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace ObservabilityStack.Serilog.Tests.AspNetCore;

public class AddObservabilityStackTests
{
    [Fact]
    public void WithoutAGatewayOrElasticsearchUrlTheErrorSaysWhatToSet()
    {
        var builder = WebApplication.CreateBuilder();

        var error = Should.Throw<InvalidOperationException>(() => builder.AddObservabilityStack());

        error.Message.ShouldContain("Gateway:Url");
        error.Message.ShouldContain("Elasticsearch:Url");
    }
}

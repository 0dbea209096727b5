using Microsoft.Extensions.Configuration;
using ObservabilityStack.Gateway.Tickets;

namespace ObservabilityStack.Gateway.Tests.Tickets;

public sealed class TicketConfigTests
{
    [Fact]
    public void TheSampleConfigurationBindsTheTicketsSectionWithItsDocumentedDefaults()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "config", "gateway.json")))
        {
            dir = dir.Parent;
        }

        var configuration = new ConfigurationBuilder().AddJsonFile(Path.Combine(dir!.FullName, "config", "gateway.json")).Build();
        var options = new GatewayOptions();
        configuration.GetSection("Gateway").Bind(options);
        var defaults = new TicketOptions();
        options.Tickets.MaxUploadBytes.ShouldBe(defaults.MaxUploadBytes);
        options.Tickets.DefaultExpiry.ShouldBe(TimeSpan.FromHours(72));
        options.Tickets.MaxExpiry.ShouldBe(defaults.MaxExpiry);
        options.Tickets.MaxCompressionRatio.ShouldBe(defaults.MaxCompressionRatio);
        options.Tickets.Dataset.ShouldBe("support");
        options.Tickets.PublicUrl.ShouldBeNull();
    }
}

using System.Net.Http.Headers;
using System.Net.Http.Json;
using ObservabilityStack.Gateway.Auth;
using ObservabilityStack.Gateway.Tickets;

namespace ObservabilityStack.Gateway.Tests.Tickets;

/// <summary>A real gateway (port 0) on a data directory that outlives it (for restarts), with an admin key.</summary>
internal sealed class TicketGateway : IAsyncDisposable
{
    private TicketGateway(GatewayHost host, string adminKey)
    {
        Host = host;
        Admin = new HttpClient { BaseAddress = host.Url };
        Admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", adminKey);
        Anonymous = new HttpClient { BaseAddress = host.Url };
    }

    public GatewayHost Host { get; }

    public HttpClient Admin { get; }

    public HttpClient Anonymous { get; }

    public TicketService Tickets => (TicketService)Host.Services.GetService(typeof(TicketService))!;

    public static async Task<TicketGateway> StartAsync(string directory, Uri elasticsearch, Action<GatewayOptions>? configure = null)
    {
        var options = new GatewayOptions
        {
            Urls = "http://127.0.0.1:0",
            DataDirectory = directory,
            LogToConsole = false,
            Elasticsearch = { Url = elasticsearch.ToString() },
            Delivery = { InitialBackoffMilliseconds = 20, MaxBackoffMilliseconds = 200, LingerMilliseconds = 5 },
        };
        configure?.Invoke(options);
        var keyFile = Path.Combine(directory, "admin-key");
        if (!File.Exists(keyFile))
        {
            Directory.CreateDirectory(directory);
            await File.WriteAllTextAsync(keyFile, ApiKeys.CreateAdmin(options.ResolveKeysFile(), DateTimeOffset.UtcNow).Key);
        }

        return new TicketGateway(await GatewayHost.StartAsync(options), await File.ReadAllTextAsync(keyFile));
    }

    public async Task<CreatedTicket> CreateAsync(string ticket, string platform = "shop", int? maxUploads = null, long? expiresInSeconds = null)
    {
        using var response = await Admin.PostAsJsonAsync("/v1/tickets",
            new CreateTicketRequest { Ticket = ticket, Platform = platform, MaxUploads = maxUploads, ExpiresInSeconds = expiresInSeconds },
            TicketJsonContext.Default.CreateTicketRequest);
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync(TicketJsonContext.Default.CreatedTicket))!;
    }

    public async Task<HttpResponseMessage> UploadAsync(string? token, byte[] body, string name)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "/v1/tickets/upload/" + Uri.EscapeDataString(name)) { Content = new ByteArrayContent(body) };
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", "Ticket " + token);
        }

        return await Anonymous.SendAsync(request);
    }

    public async Task<UploadReceipt> UploadOkAsync(string token, byte[] body, string name)
    {
        using var response = await UploadAsync(token, body, name);
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync(TicketJsonContext.Default.UploadReceipt))!;
    }

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        Anonymous.Dispose();
        await Host.DisposeAsync();
    }
}

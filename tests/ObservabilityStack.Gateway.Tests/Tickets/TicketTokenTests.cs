using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ObservabilityStack.Gateway.Auth;
using ObservabilityStack.Gateway.Tests.Support;

namespace ObservabilityStack.Gateway.Tests.Tickets;

/// <summary>Who may do what: upload tokens for customers, admin keys for staff.</summary>
public sealed class TicketTokenTests : TicketGatewayTest
{
    private readonly ShiftedClock _clock = new();

    protected override void Configure(GatewayOptions options) => options.Clock = _clock;

    [Fact]
    public async Task AMissingOrWrongTokenIs401AndTheTokenIsStoredOnlyAsItsHash()
    {
        var created = await Gateway.CreateAsync("HD-1");
        using (var missing = await Gateway.UploadAsync(null, Bundles.Text("x"), "a.log"))
        {
            missing.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            (await missing.Content.ReadAsStringAsync()).ShouldContain("missing_token");
        }

        using (var wrong = await Gateway.UploadAsync("obt_" + new string('A', 43), Bundles.Text("x"), "a.log"))
        {
            wrong.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            (await wrong.Content.ReadAsStringAsync()).ShouldContain("invalid_token");
        }

        // 32 random bytes in base64url without padding.
        created.Token.Length.ShouldBe(4 + 43);
        var stored = await File.ReadAllTextAsync(Path.Combine(Data, "tickets.json"));
        stored.ShouldNotContain(created.Token);
        stored.ShouldContain(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(created.Token))));
        (await Gateway.Admin.GetStringAsync("/v1/tickets")).ShouldNotContain("tokenHash");
    }

    [Fact]
    public async Task AnExpiredTokenIs410()
    {
        var created = await Gateway.CreateAsync("HD-2", expiresInSeconds: 3600);
        _clock.Offset = TimeSpan.FromHours(2);
        using var response = await Gateway.UploadAsync(created.Token, Bundles.Text("late"), "a.log");
        response.StatusCode.ShouldBe(HttpStatusCode.Gone);
        (await response.Content.ReadAsStringAsync()).ShouldContain("token_expired");
        (await Gateway.Admin.GetStringAsync("/v1/tickets/HD-2")).ShouldContain("\"state\": \"expired\"");
    }

    [Fact]
    public async Task AUsedUpTokenIs410AndRefusedAttemptsCountTowardsIt()
    {
        var created = await Gateway.CreateAsync("HD-3", maxUploads: 1);
        await Gateway.UploadOkAsync(created.Token, Bundles.Text("one"), "a.log");
        using var second = await Gateway.UploadAsync(created.Token, Bundles.Text("two"), "b.log");
        second.StatusCode.ShouldBe(HttpStatusCode.Gone);
        (await second.Content.ReadAsStringAsync()).ShouldContain("token_used_up");

        var probing = await Gateway.CreateAsync("HD-4", maxUploads: 3);
        for (var i = 0; i < 10; i++)
        {
            using var refused = await Gateway.UploadAsync(probing.Token, [], "empty.log");
            refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }

        using var exhausted = await Gateway.UploadAsync(probing.Token, Bundles.Text("fine"), "c.log");
        exhausted.StatusCode.ShouldBe(HttpStatusCode.Gone);
        (await exhausted.Content.ReadAsStringAsync()).ShouldContain("10 attempts");
    }

    [Fact]
    public async Task StaffEndpointsNeedAnAdminKeyAndAServerKeyCannotManageTickets()
    {
        using (var none = await Gateway.Anonymous.GetAsync("/v1/tickets"))
        {
            none.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        var serverKey = ApiKeys.Create(Path.Combine(Data, "keys.json"), "shop-api", ["production"], false, [], DateTimeOffset.UtcNow).Key;
        Gateway.Host.Services.GetService(typeof(GatewayRuntime)).ShouldBeOfType<GatewayRuntime>().Keys.Reload();
        using var server = new HttpClient { BaseAddress = Gateway.Host.Url };
        server.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", serverKey);
        using (var forbidden = await server.PostAsync("/v1/tickets", new StringContent("{\"ticket\":\"HD-8\",\"platform\":\"shop\"}")))
        {
            forbidden.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await forbidden.Content.ReadAsStringAsync()).ShouldContain("not_admin");
        }

        using var logs = await Gateway.Admin.PostAsync("/v1/logs", new StringContent("{\"message\":\"x\"}", Encoding.UTF8, "application/json"));
        logs.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var badName = await Gateway.Admin.PostAsync("/v1/tickets", new StringContent("{\"ticket\":\"../etc\",\"platform\":\"shop\"}"));
        badName.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        await Gateway.CreateAsync("HD-8");
        using var duplicate = await Gateway.Admin.PostAsync("/v1/tickets", new StringContent("{\"ticket\":\"HD-8\",\"platform\":\"shop\"}"));
        duplicate.StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }
}

using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ObservabilityStack.Emulator.Tests.Support;

namespace ObservabilityStack.Emulator.Tests.Security;

/// <summary>
/// An emulator started with security, the roles of <c>elk/elasticsearch/roles</c> applied as the <c>elastic</c>
/// superuser, and helpers to call it with any credentials.
/// </summary>
internal sealed class SecuredCluster : IAsyncDisposable
{
    public const string Password = "elastic-test-password";

    private readonly HttpClient _http;

    private SecuredCluster(EmulatorHost host)
    {
        Host = host;
        _http = new HttpClient { BaseAddress = host.Url, Timeout = TimeSpan.FromSeconds(30) };
    }

    public EmulatorHost Host { get; }

    public static string Elastic => Basic("elastic", Password);

    public static async Task<SecuredCluster> StartAsync(string? dataDirectory = null, bool applyRoles = true)
    {
        var host = await EmulatorHost.StartAsync(new EmulatorOptions
        {
            Port = 0,
            Security = true,
            ElasticPassword = Password,
            DataDirectory = dataDirectory,
        });
        var cluster = new SecuredCluster(host);
        if (applyRoles)
        {
            foreach (var file in Directory.GetFiles(RolesDirectory(), "*.json"))
            {
                var answer = await cluster.SendAsync(Elastic, HttpMethod.Put, $"/_security/role/{Path.GetFileNameWithoutExtension(file)}",
                    await File.ReadAllTextAsync(file));
                answer.Code.ShouldBe(200, answer.Raw);
            }
        }

        return cluster;
    }

    /// <summary>The checked-in role files (the ones <c>obs bootstrap</c> applies), found from the test's build folder.</summary>
    public static string RolesDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var roles = Path.Combine(dir.FullName, "elk", "elasticsearch", "roles");
            if (Directory.Exists(roles) && File.Exists(Path.Combine(dir.FullName, "ObservabilityStack.slnx")))
            {
                return roles;
            }
        }

        throw new DirectoryNotFoundException("elk/elasticsearch/roles not found above " + AppContext.BaseDirectory);
    }

    public static string Basic(string user, string password) =>
        "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));

    public static string ApiKey(string encoded) => "ApiKey " + encoded;

    /// <summary>Creates an API key (as <paramref name="creator"/>) carrying a role file's privileges, like bootstrap does.</summary>
    public async Task<string> CreateKeyForRoleAsync(string role, string? creator = null)
    {
        var body = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RolesDirectory(), role + ".json")))!.AsObject();
        body.Remove("metadata");
        return await CreateKeyAsync($"key-{role}", new JsonObject { [role] = body }, creator);
    }

    public async Task<string> CreateKeyAsync(string name, JsonObject? roleDescriptors, string? creator = null)
    {
        var request = new JsonObject { ["name"] = name };
        if (roleDescriptors is not null)
        {
            request["role_descriptors"] = roleDescriptors;
        }

        var answer = await SendAsync(creator ?? Elastic, HttpMethod.Post, "/_security/api_key", request.ToJsonString());
        answer.Code.ShouldBe(200, answer.Raw);
        return ApiKey(answer.Json["encoded"]!.GetValue<string>());
    }

    public async Task CreateDataStreamAsync(string name) =>
        (await SendAsync(Elastic, HttpMethod.Put, $"/_data_stream/{name}")).Code.ShouldBe(200);

    public Task<EsAnswer> BulkAsync(string? authorization, string path, params string[] lines) =>
        SendAsync(authorization, HttpMethod.Post, path, string.Join('\n', lines) + "\n", "application/x-ndjson");

    public async Task<EsAnswer> SendAsync(string? authorization, HttpMethod method, string path, string? body = null,
        string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, path);
        if (authorization is not null)
        {
            request.Headers.Authorization = AuthenticationHeaderValue.Parse(authorization);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        using var response = await _http.SendAsync(request);
        var raw = await response.Content.ReadAsStringAsync();
        return new EsAnswer(response.StatusCode, string.IsNullOrWhiteSpace(raw) ? null : JsonNode.Parse(raw), raw, response.Headers,
            response.Content.Headers.ContentType?.ToString());
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Host.DisposeAsync();
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ObservabilityStack.Cli.Core;
using ObservabilityStack.Gateway.Tickets;

namespace ObservabilityStack.Cli.Commands.Tickets;

/// <summary>The gateway's <c>/v1/tickets</c> API; refusals become <see cref="CliException"/>s carrying the gateway's reason.</summary>
internal sealed class TicketsClient(HttpClient http) : IDisposable
{
    private static TicketJsonContext Json => TicketJsonContext.Default;

    public Uri Gateway => http.BaseAddress!;

    public async Task<CreatedTicket> CreateAsync(CreateTicketRequest request, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync("/v1/tickets", request, Json.CreateTicketRequest, cancellationToken);
        return await ReadAsync(response, Json.CreatedTicket, cancellationToken);
    }

    public async Task<List<TicketView>> ListAsync(CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync("/v1/tickets", cancellationToken);
        return await ReadAsync(response, Json.ListTicketView, cancellationToken);
    }

    public async Task<TicketView> GetAsync(string ticket, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"/v1/tickets/{Uri.EscapeDataString(ticket)}", cancellationToken);
        return await ReadAsync(response, Json.TicketView, cancellationToken);
    }

    public async Task<TicketView> SolveAsync(string ticket, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsync($"/v1/tickets/{Uri.EscapeDataString(ticket)}/solve", null, cancellationToken);
        return await ReadAsync(response, Json.TicketView, cancellationToken);
    }

    public async Task<DeletedTicket> DeleteAsync(string ticket, CancellationToken cancellationToken)
    {
        using var response = await http.DeleteAsync($"/v1/tickets/{Uri.EscapeDataString(ticket)}", cancellationToken);
        return await ReadAsync(response, Json.DeletedTicket, cancellationToken);
    }

    /// <summary>Streams an upload to <paramref name="path"/> (via a temp file) and returns the gateway's SHA-256 header.</summary>
    public async Task<string?> DownloadAsync(string ticket, string upload, string path, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"/v1/tickets/{Uri.EscapeDataString(ticket)}/uploads/{Uri.EscapeDataString(upload)}",
            HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        var tmp = path + ".part";
        await using (var file = File.Create(tmp))
        {
            await response.Content.CopyToAsync(file, cancellationToken);
        }

        File.Move(tmp, path, overwrite: true);
        return response.Headers.TryGetValues("X-Checksum-Sha256", out var values) ? values.FirstOrDefault() : null;
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type,
        CancellationToken cancellationToken)
    {
        await EnsureSuccessAsync(response, cancellationToken);
        return await response.Content.ReadFromJsonAsync(type, cancellationToken)
            ?? throw new CliException("The gateway answered with an empty body; is the URL a gateway?", ExitCodes.Failure);
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var reason = body;
        try
        {
            using var json = JsonDocument.Parse(body);
            reason = json.RootElement.TryGetProperty("reason", out var r) ? r.GetString() ?? body : body;
        }
        catch (JsonException)
        {
            // Not our JSON (a proxy's page?): show it as it came.
        }

        var status = (int)response.StatusCode;
        var code = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden || status >= 500 ? ExitCodes.Unavailable : ExitCodes.Failure;
        var hint = response.StatusCode == HttpStatusCode.Unauthorized ? " Check OBS_ADMIN_KEY / --admin-key-file (obs keys create --admin)." : string.Empty;
        throw new CliException($"the gateway refused ({status}): {reason}{hint}", code);
    }

    public void Dispose() => http.Dispose();
}

using Microsoft.AspNetCore.Http;
using ObservabilityStack.Gateway.Apis;
using ObservabilityStack.Gateway.Auth;
using ObservabilityStack.Gateway.Intake;

namespace ObservabilityStack.Gateway.Tickets;

/// <summary>Staff endpoints need a trusted network and an admin key (<c>obs keys create --admin</c>); answers the refusal, or null to go on.</summary>
internal static class TicketAdminGuard
{
    public static IResult? Check(HttpContext context, GatewayRuntime runtime)
    {
        var client = runtime.Network.ClientAddress(context);
        if (!runtime.Network.IsTrusted(client))
        {
            return Refuse(runtime, 403, "untrusted_network", $"client address {client} is not in the trusted networks");
        }

        var key = Credentials.KeyFrom(context.Request, allowQuery: false);
        if (string.IsNullOrEmpty(key))
        {
            return Refuse(runtime, 401, "missing_key", "an admin key is required (Authorization: ApiKey <key>; create one with obs keys create --admin)");
        }

        var record = runtime.Keys.Find(key);
        if (record is null)
        {
            return Refuse(runtime, 401, "invalid_key", "the API key is unknown or revoked");
        }

        return record.Admin ? null : Refuse(runtime, 403, "not_admin", "this key may write logs but not manage tickets; use an admin key (obs keys create --admin)");
    }

    private static IResult Refuse(GatewayRuntime runtime, int status, string kind, string reason)
    {
        runtime.Metrics.AddRejected(kind);
        return Answers.Error(status, new RejectReason(kind, reason));
    }
}

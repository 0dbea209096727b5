using Microsoft.AspNetCore.Http;
using ObservabilityStack.Gateway.Auth;
using ObservabilityStack.Gateway.Intake;

namespace ObservabilityStack.Gateway.Apis;

/// <summary>The checks every write goes through before its body is read: network, key, rate.</summary>
internal static class IntakeGuard
{
    /// <summary>The key record, or the answer to send instead (counted under its reason).</summary>
    public static (ApiKeyRecord? Key, IResult? Refusal) Check(HttpContext context, GatewayRuntime runtime, bool browser, bool esShape)
    {
        var options = runtime.Options;
        var client = runtime.Network.ClientAddress(context);
        if (!runtime.Network.IsTrusted(client))
        {
            return Refuse(runtime, 403, new RejectReason("untrusted_network", $"client address {client} is not in the trusted networks"), esShape);
        }

        var key = Credentials.KeyFrom(context.Request, allowQuery: browser);
        if (string.IsNullOrEmpty(key))
        {
            return Refuse(runtime, 401, new RejectReason("missing_key", "an API key is required (Authorization: ApiKey <key>)"), esShape);
        }

        var record = runtime.Keys.Find(key);
        if (record is null)
        {
            return Refuse(runtime, 401, new RejectReason("invalid_key", "the API key is unknown or revoked"), esShape);
        }

        if (record.Admin)
        {
            return Refuse(runtime, 403, new RejectReason("wrong_key_kind", "admin keys manage tickets; they cannot write logs"), esShape);
        }

        if (record.Browser != browser)
        {
            var reason = browser ? "server keys cannot be used on /v1/browser-logs" : "browser keys may only write /v1/browser-logs";
            return Refuse(runtime, 403, new RejectReason("wrong_key_kind", reason), esShape);
        }

        if (options.Provisioning is { Mode: ProvisioningMode.Refuse } provisioning &&
            !provisioning.KnownServices.Contains(record.Service, StringComparer.OrdinalIgnoreCase))
        {
            return Refuse(runtime, 403, new RejectReason("unknown_service",
                $"service '{record.Service}' has not been provisioned: the gateway refuses first-seen services (Provisioning:Mode is Refuse); " +
                "add it to config/services.yaml and Provisioning:KnownServices and run obs bootstrap"), esShape);
        }

        if (browser)
        {
            var origin = context.Request.Headers.Origin.ToString();
            if (origin.Length > 0 && !record.Origins.Contains(origin, StringComparer.OrdinalIgnoreCase))
            {
                return Refuse(runtime, 403, new RejectReason("forbidden_origin", $"origin {origin} is not allowed for this key"), esShape);
            }

            var limits = options.RateLimits;
            if (!runtime.Limiters.TryAcquire("ip:" + client, limits.BrowserRequestsPerSecondPerIp, limits.BrowserBurstPerIp))
            {
                return Refuse(runtime, 429, new RejectReason("rate_limited", "too many requests from this address"), esShape, retryAfter: 1);
            }
        }

        var rates = options.RateLimits;
        if (!runtime.Limiters.TryAcquire("key:" + record.Id, rates.RequestsPerSecondPerKey, rates.BurstPerKey))
        {
            return Refuse(runtime, 429, new RejectReason("rate_limited", "too many requests for this key"), esShape, retryAfter: 1);
        }

        return (record, null);
    }

    /// <summary>429 for a request that found every intake slot taken for too long (counted as <c>busy</c>).</summary>
    public static IResult Busy(GatewayRuntime runtime, bool esShape)
    {
        var reason = new RejectReason(esShape ? "es_rejected_execution_exception" : "busy",
            $"all {runtime.Intake.Slots} intake slots stayed busy; retry later");
        runtime.Metrics.AddRejected("busy");
        return Answers.Error(429, reason, retryAfterSeconds: 1, elasticsearchShape: esShape);
    }

    private static (ApiKeyRecord?, IResult?) Refuse(GatewayRuntime runtime, int status, RejectReason reason, bool esShape, int retryAfter = 0)
    {
        runtime.Metrics.AddRejected(reason.Kind);
        return (null, Answers.Error(status, reason, retryAfter, esShape));
    }
}

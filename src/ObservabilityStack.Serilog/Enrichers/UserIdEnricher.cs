using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using ObservabilityStack.Serilog.Formatting;
using Serilog.Core;
using Serilog.Events;

namespace ObservabilityStack.Serilog.Enrichers;

/// <summary>Adds the id of the authenticated user of the current HTTP request (name identifier, <c>sub</c>, or name).</summary>
internal sealed class UserIdEnricher(IHttpContextAccessor accessor) : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        var user = accessor.HttpContext?.User;
        if (user?.Identity?.IsAuthenticated != true)
        {
            return;
        }

        var id = user.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? user.FindFirst("sub")?.Value ?? user.Identity.Name;
        if (id is not null)
        {
            logEvent.AddPropertyIfAbsent(new LogEventProperty(EcsFieldMap.Properties.UserId, new ScalarValue(id)));
        }
    }
}

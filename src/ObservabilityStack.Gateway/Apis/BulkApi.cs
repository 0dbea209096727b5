using Microsoft.AspNetCore.Routing;

namespace ObservabilityStack.Gateway.Apis;

/// <summary>Elasticsearch-compatible <c>POST /_bulk</c> and <c>POST /{target}/_bulk</c>.</summary>
internal static class BulkApi
{
    public static void Map(IEndpointRouteBuilder routes) => _ = routes;
}

using ObservabilityStack.Emulator.Http;

namespace ObservabilityStack.Emulator.Apis;

/// <summary>The emulator's own endpoints: fault injection and forcing an ILM pass.</summary>
internal static class EmulatorApi
{
    public static void Map(EsRouter router, EmulatorContext context)
    {
        router.Map("POST", "/_emulator/faults", async r =>
        {
            context.Faults.Add(await r.ReadObjectAsync());
            await r.AcknowledgedAsync();
        });
        router.Map("DELETE", "/_emulator/faults", r =>
        {
            context.Faults.Clear();
            return r.AcknowledgedAsync();
        });
        router.Map("GET", "/_emulator/faults", r => r.WriteNodeAsync(200, context.Faults.Describe()));
        router.Map("POST", "/_emulator/ilm/run", r =>
        {
            context.RunIlm?.Invoke();
            return r.AcknowledgedAsync();
        });
    }
}

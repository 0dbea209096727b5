using ObservabilityStack.Emulator.Http;
using ObservabilityStack.Emulator.Storage;

namespace ObservabilityStack.Emulator.Security;

/// <summary>Turns security on for a host: the store, the security APIs and the pipeline gate.</summary>
internal static class SecuritySetup
{
    public const string PasswordVariable = "ELASTIC_PASSWORD";

    public static SecurityGate Create(EsRouter router, Cluster cluster, EmulatorOptions options)
    {
        var password = options.ElasticPassword ?? Environment.GetEnvironmentVariable(PasswordVariable);
        if (string.IsNullOrEmpty(password))
        {
            throw new InvalidOperationException(
                $"Security is on but the elastic user has no password: set {PasswordVariable} (or EmulatorOptions.ElasticPassword).");
        }

        var gate = new SecurityGate(new SecurityStore(options.DataDirectory, password), cluster);
        SecurityApi.Map(router, gate);
        ApiKeysApi.Map(router, gate, options.Clock);
        SecurityGate.Validate(router.Routes);
        return gate;
    }
}

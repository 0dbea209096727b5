using System.Text.RegularExpressions;
using ObservabilityStack.Cli.Core;
using ObservabilityStack.Elasticsearch.Provisioning;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ObservabilityStack.Cli.Features.Bootstrap;

/// <summary>Reads and validates <c>config/services.yaml</c> (see the comments in that file for its shape).</summary>
internal static partial class ServicesFileLoader
{
    /// <summary>Loads <paramref name="path"/>; every problem becomes a <see cref="CliException"/> naming the file.</summary>
    public static ServiceCatalog Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new CliException($"Services file {path} not found. Pass --services FILE (see config/services.yaml).", ExitCodes.Usage);
        }

        ServicesFile file;
        try
        {
            var deserializer = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();
            file = deserializer.Deserialize<ServicesFile?>(File.ReadAllText(path)) ?? new ServicesFile();
        }
        catch (YamlException ex)
        {
            throw new CliException($"{path}: {ex.Message} (line {ex.Start.Line}).", ExitCodes.Usage, ex);
        }

        return Validate(file, path);
    }

    private static ServiceCatalog Validate(ServicesFile file, string path)
    {
        var defaults = file.Defaults ?? new ServicesFile.DefaultsSection();
        var environments = Environments(defaults.Environments, path, "defaults");
        var services = new List<ServiceDefinition>();
        foreach (var entry in file.Services ?? [])
        {
            var name = entry.Name?.Trim() ?? "";
            if (!NameRegex().IsMatch(name) || name == ServiceCatalog.DeadLetterService)
            {
                throw new CliException($"{path}: service name '{name}' must be lower-case letters, digits and '-' (and not '{ServiceCatalog.DeadLetterService}').", ExitCodes.Usage);
            }

            if (services.Any(s => s.Name == name))
            {
                throw new CliException($"{path}: service '{name}' is listed twice.", ExitCodes.Usage);
            }

            services.Add(new ServiceDefinition(name, entry.Owner ?? defaults.Owner ?? "unknown",
                Retention(entry.RetentionDays ?? defaults.RetentionDays ?? 14, path, name),
                entry.Environments is null ? environments : Environments(entry.Environments, path, name)));
        }

        if (services.Count == 0)
        {
            throw new CliException($"{path}: no services listed under 'services:'.", ExitCodes.Usage);
        }

        var all = environments.Concat(services.SelectMany(s => s.Environments)).Distinct(StringComparer.Ordinal).ToArray();
        return new ServiceCatalog(services, all, Retention(file.DeadLetter?.RetentionDays ?? 30, path, "dead_letter"));
    }

    private static string[] Environments(List<string>? values, string path, string where)
    {
        var list = (values ?? ["production"]).Select(v => v.Trim()).ToArray();
        if (list.Length == 0 || list.Any(e => !NameRegex().IsMatch(e)))
        {
            throw new CliException($"{path}: environments of {where} must be a non-empty list of lower-case names.", ExitCodes.Usage);
        }

        return list;
    }

    private static int Retention(int days, string path, string where) => days is >= 1 and <= 3650
        ? days
        : throw new CliException($"{path}: retention_days of {where} must be 1-3650, not {days}.", ExitCodes.Usage);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex NameRegex();
}

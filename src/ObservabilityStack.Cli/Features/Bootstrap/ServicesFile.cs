namespace ObservabilityStack.Cli.Features.Bootstrap;

/// <summary>The YAML shape of the services file, as written (validated by <see cref="ServicesFileLoader"/>).</summary>
internal sealed class ServicesFile
{
    public DefaultsSection? Defaults { get; set; }

    public DeadLetterSection? DeadLetter { get; set; }

    public List<ServiceEntry>? Services { get; set; }

    internal sealed class DefaultsSection
    {
        public int? RetentionDays { get; set; }

        public List<string>? Environments { get; set; }

        public string? Owner { get; set; }
    }

    internal sealed class DeadLetterSection
    {
        public int? RetentionDays { get; set; }
    }

    internal sealed class ServiceEntry
    {
        public string? Name { get; set; }

        public string? Owner { get; set; }

        public int? RetentionDays { get; set; }

        public List<string>? Environments { get; set; }
    }
}

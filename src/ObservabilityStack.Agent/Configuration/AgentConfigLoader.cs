using System.Globalization;

namespace ObservabilityStack.Agent.Configuration;

/// <summary>
/// Loads <see cref="AgentOptions"/> from an <c>.env</c>-style file (the format the seed's agent used, so its
/// files mostly carry over). Every problem is reported at once, each naming the file, line and key; unknown
/// keys are errors, so a typo never silently falls back to a default.
/// </summary>
public static class AgentConfigLoader
{
    /// <summary>Variable that holds the API key when the file does not (so it can stay out of the file).</summary>
    public const string ApiKeyVariable = "OBS_AGENT_API_KEY";

    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "SOURCE", "LOG_FILE", "GATEWAY_URL", "GATEWAY_CA_CERT", "API_URL", "API_KEY", "API_TOKEN", "API_KEY_FILE", "ENVIRONMENT", "PARSER", "MULTILINE",
        "BATCH_SIZE", "BATCH_INTERVAL", "MAX_RETRY_DELAY", "RETRY_DELAY", "STATE_FILE", "DEAD_LETTER_FILE", "MAX_LINE_BYTES",
    };

    /// <summary>Loads and validates the file; throws <see cref="AgentConfigException"/> listing every problem.</summary>
    public static AgentOptions Load(string path, Func<string, string?>? environment = null)
    {
        environment ??= System.Environment.GetEnvironmentVariable;
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new AgentConfigException($"{path}: no such file (create one from config/agent.env.example)");
        }

        var errors = new List<string>();
        var values = EnvFile.Parse(full, errors);
        var reader = new Reader(Path.GetFileName(full), Path.GetDirectoryName(full)!, values, errors);
        foreach (var (key, (_, line)) in values)
        {
            if (key == "MAX_RETRIES")
            {
                errors.Add($"{reader.Name}:{line}: MAX_RETRIES: the agent never gives up on a batch (that loses logs); remove it and cap the wait with MAX_RETRY_DELAY");
            }
            else if (!Known.Contains(key) && !key.StartsWith("LOG_FILE_", StringComparison.Ordinal) && !key.StartsWith("COMMAND_", StringComparison.Ordinal))
            {
                errors.Add($"{reader.Name}:{line}: {key}: unknown setting (known: {string.Join(", ", Known.Order(StringComparer.Ordinal))}, LOG_FILE_*, COMMAND_*)");
            }
        }

        var files = values.Where(kv => kv.Key == "LOG_FILE" || kv.Key.StartsWith("LOG_FILE_", StringComparison.Ordinal))
            .OrderBy(kv => kv.Value.Line)
            .SelectMany(kv => kv.Value.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(reader.Resolve)
            .ToList();
        var commands = reader.Commands();
        if (files.Count == 0 && commands.Count == 0)
        {
            errors.Add($"{reader.Name}: nothing to ship: set LOG_FILE (a path or glob; several separated by commas) or a COMMAND_<NAME>");
        }

        var gateway = reader.Url(values.ContainsKey("GATEWAY_URL") ? "GATEWAY_URL" : "API_URL");
        var apiKey = reader.Secret(environment);
        var stateFile = reader.Resolve(reader.Text("STATE_FILE") ?? "agent-data/state.json");
        var options = new AgentOptions
        {
            Source = reader.Text("SOURCE") ?? reader.Missing("SOURCE", "a name for this server, written as host.name"),
            Files = files,
            GatewayUrl = gateway!,
            ApiKey = apiKey!,
            GatewayCaCertificate = reader.CertificateFile("GATEWAY_CA_CERT", "the CA that signed the gateway's certificate (PEM or DER)"),
            Environment = reader.Text("ENVIRONMENT"),
            Parser = reader.Parser(),
            JoinIndentedLines = reader.Choice("MULTILINE", ["indent", "none"], "indent") == "indent",
            BatchSize = reader.Integer("BATCH_SIZE", 500, 1, 10_000),
            BatchInterval = reader.Seconds("BATCH_INTERVAL", 0.5),
            RetryDelay = reader.Seconds("RETRY_DELAY", 1),
            MaxRetryDelay = reader.Seconds("MAX_RETRY_DELAY", 60),
            StateFile = stateFile,
            DeadLetterFile = reader.Resolve(reader.Text("DEAD_LETTER_FILE") ?? Path.Combine(Path.GetDirectoryName(stateFile)!, "dead-letter.ndjson")),
            MaxLineBytes = reader.Integer("MAX_LINE_BYTES", 32 * 1024, 256, 1024 * 1024),
            Commands = commands,
        };
        if (errors.Count > 0)
        {
            throw new AgentConfigException(errors);
        }

        return options;
    }

    private sealed class Reader(string name, string directory, Dictionary<string, (string Value, int Line)> values, List<string> errors)
    {
        public string Name => name;

        public string? Text(string key) => values.TryGetValue(key, out var v) && v.Value.Length > 0 ? v.Value : null;

        public string Missing(string key, string what)
        {
            errors.Add($"{name}: {key} is required ({what})");
            return "";
        }

        public string Resolve(string path) => Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(directory, path));

        public Uri? Url(string key)
        {
            var text = Text(key);
            if (text is null)
            {
                Missing("GATEWAY_URL", "the gateway's base URL, e.g. https://logs.example:8080");
                return null;
            }

            if (Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps))
            {
                return url;
            }

            errors.Add($"{name}:{values[key].Line}: {key}: '{text}' is not an http(s) URL");
            return null;
        }

        public string? Secret(Func<string, string?> environment)
        {
            var direct = Text("API_KEY") ?? Text("API_TOKEN");
            if (direct is not null)
            {
                return direct;
            }

            if (Text("API_KEY_FILE") is { } file)
            {
                var full = Resolve(file);
                if (File.Exists(full))
                {
                    return File.ReadAllText(full).Trim();
                }

                errors.Add($"{name}:{values["API_KEY_FILE"].Line}: API_KEY_FILE: {full} does not exist");
                return null;
            }

            return environment(ApiKeyVariable) is { Length: > 0 } fromEnvironment
                ? fromEnvironment
                : Missing("API_KEY", $"the gateway key; or API_KEY_FILE, or the {ApiKeyVariable} environment variable");
        }

        public string? CertificateFile(string key, string what)
        {
            if (Text(key) is not { } file)
            {
                return null;
            }

            var full = Resolve(file);
            if (!File.Exists(full))
            {
                errors.Add($"{name}:{values[key].Line}: {key}: {full} does not exist ({what})");
                return full;
            }

            try
            {
                using var certificate = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificateFromFile(full);
            }
            catch (System.Security.Cryptography.CryptographicException e)
            {
                errors.Add($"{name}:{values[key].Line}: {key}: {full} is not a PEM or DER certificate ({e.Message})");
            }

            return full;
        }

        public ParserKind Parser() => Choice("PARSER", ["auto", "plain", "json", "mail"], "auto") switch
        {
            "plain" => ParserKind.Plain,
            "json" => ParserKind.Json,
            "mail" => ParserKind.Mail,
            _ => ParserKind.Auto,
        };

        public string Choice(string key, string[] allowed, string fallback)
        {
            var text = Text(key)?.ToLowerInvariant();
            if (text is null)
            {
                return fallback;
            }

            if (allowed.Contains(text))
            {
                return text;
            }

            errors.Add($"{name}:{values[key].Line}: {key}: '{text}' is not one of {string.Join(", ", allowed)}");
            return fallback;
        }

        public int Integer(string key, int fallback, int min, int max)
        {
            var text = Text(key);
            if (text is null)
            {
                return fallback;
            }

            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            {
                return value;
            }

            errors.Add($"{name}:{values[key].Line}: {key}: '{text}' is not a whole number from {min} to {max}");
            return fallback;
        }

        public TimeSpan Seconds(string key, double fallback) => Duration(key, Text(key), fallback);

        public List<PeriodicCommand> Commands()
        {
            var commands = new List<PeriodicCommand>();
            foreach (var (key, (value, line)) in values.Where(kv => kv.Key.StartsWith("COMMAND_", StringComparison.Ordinal) && !kv.Key.EndsWith("_EVERY", StringComparison.Ordinal)))
            {
                var label = key["COMMAND_".Length..].ToLowerInvariant();
                var every = Duration(key + "_EVERY", Text(key + "_EVERY"), 60);
                if (value.Length == 0)
                {
                    errors.Add($"{name}:{line}: {key}: the command is empty");
                    continue;
                }

                commands.Add(new PeriodicCommand(label, value, every));
            }

            foreach (var (key, (_, line)) in values.Where(kv => kv.Key.StartsWith("COMMAND_", StringComparison.Ordinal) && kv.Key.EndsWith("_EVERY", StringComparison.Ordinal)))
            {
                if (!values.ContainsKey(key[..^"_EVERY".Length]))
                {
                    errors.Add($"{name}:{line}: {key}: there is no {key[..^"_EVERY".Length]} to schedule");
                }
            }

            return commands;
        }

        private TimeSpan Duration(string key, string? text, double fallbackSeconds)
        {
            if (text is null)
            {
                return TimeSpan.FromSeconds(fallbackSeconds);
            }

            var (number, unit) = text[^1] switch
            {
                's' => (text[..^1], 1.0),
                'm' => (text[..^1], 60.0),
                'h' => (text[..^1], 3600.0),
                _ => (text, 1.0),
            };
            if (double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value > 0)
            {
                return TimeSpan.FromSeconds(value * unit);
            }

            errors.Add($"{name}:{values[key].Line}: {key}: '{text}' is not a number of seconds (or a duration like 30s, 5m, 1h)");
            return TimeSpan.FromSeconds(fallbackSeconds);
        }
    }
}

namespace ObservabilityStack.Agent.Configuration;

/// <summary>How a line becomes an event.</summary>
public enum ParserKind
{
    /// <summary>JSON objects as JSON, postfix/sendmail syslog lines as mail events, anything else as plain text.</summary>
    Auto,

    /// <summary>The line is the message; a leading timestamp and level word are recognised.</summary>
    Plain,

    /// <summary>Each line is a JSON object (the gateway normalises its fields).</summary>
    Json,

    /// <summary>Mail server syslog lines (postfix): queue id, sender, recipient, status.</summary>
    Mail,
}

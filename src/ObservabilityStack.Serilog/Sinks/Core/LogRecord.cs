namespace ObservabilityStack.Serilog.Sinks.Core;

/// <summary>A formatted event on its way out: its id (the <c>_id</c>), target index and ECS JSON (UTF-8, one line).</summary>
internal sealed record LogRecord(string Id, string Index, byte[] Json)
{
    public string JsonText => System.Text.Encoding.UTF8.GetString(Json);
}

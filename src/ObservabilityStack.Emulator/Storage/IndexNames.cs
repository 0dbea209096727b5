namespace ObservabilityStack.Emulator.Storage;

/// <summary>Elasticsearch's index name rules.</summary>
internal static class IndexNames
{
    private static readonly System.Buffers.SearchValues<char> Forbidden = System.Buffers.SearchValues.Create(['\\', '/', '*', '?', '"', '<', '>', '|', ' ', ',', '#', ':']);

    public static void Validate(string name)
    {
        string? reason = null;
        if (name.Any(char.IsUpper))
        {
            reason = "must be lowercase";
        }
        else if (name.AsSpan().IndexOfAny(Forbidden) >= 0)
        {
            reason = "must not contain the following characters [' ','\"','*',',','/','<','>','?','\\','|']";
        }
        else if (name.Length == 0 || name[0] is '_' or '-' or '+')
        {
            reason = "must not start with '_', '-', or '+'";
        }
        else if (name is "." or "..")
        {
            reason = "must not be '.' or '..'";
        }
        else if (System.Text.Encoding.UTF8.GetByteCount(name) > 255)
        {
            reason = "index name is too long, (" + System.Text.Encoding.UTF8.GetByteCount(name) + " > 255)";
        }

        if (reason is not null)
        {
            throw new EmulatorException(400, "invalid_index_name_exception", $"Invalid index name [{name}], {reason}")
            {
                Index = name,
                Metadata = [new("index_uuid", "_na_")],
            };
        }
    }
}

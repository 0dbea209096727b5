namespace ObservabilityStack.Emulator.Storage;

/// <summary>The outcome of a document write: <c>created</c>, <c>updated</c>, <c>deleted</c>, <c>not_found</c> or <c>noop</c>.</summary>
internal sealed record WriteResult(string Index, string Id, string Result, long Version, long SeqNo, long PrimaryTerm)
{
    public int Status => Result switch
    {
        "created" => 201,
        "not_found" => 404,
        _ => 200,
    };
}

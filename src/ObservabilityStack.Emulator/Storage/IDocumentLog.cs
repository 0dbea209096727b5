namespace ObservabilityStack.Emulator.Storage;

/// <summary>Where an index appends its acknowledged writes when the emulator is durable.</summary>
internal interface IDocumentLog : IDisposable
{
    void AppendIndex(StoredDocument document);

    void AppendDelete(string id, long seqNo, long version);

    /// <summary>Pushes appended records to the operating system; called before a write is acknowledged.</summary>
    void Flush();
}

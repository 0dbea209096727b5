namespace ObservabilityStack.Emulator.Search.Queries;

/// <summary><c>ids</c>: documents whose <c>_id</c> is one of the values.</summary>
internal sealed class IdsQuery(HashSet<string> ids, double boost) : Query
{
    /// <inheritdoc/>
    public override bool Matches(DocContext doc, out double score)
    {
        score = boost;
        return ids.Contains(doc.Id);
    }
}

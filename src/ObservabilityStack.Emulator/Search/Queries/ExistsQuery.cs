using ObservabilityStack.Emulator.Search.Fields;

namespace ObservabilityStack.Emulator.Search.Queries;

/// <summary><c>exists</c>: the document has a non-null value for the field.</summary>
internal sealed class ExistsQuery(string field, double boost) : Query
{
    private readonly FieldRef _field = new(field);

    /// <inheritdoc/>
    public override bool Matches(DocContext doc, out double score)
    {
        score = boost;
        return _field.Exists(doc);
    }
}

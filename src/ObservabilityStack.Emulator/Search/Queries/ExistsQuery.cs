using ObservabilityStack.Emulator.Search.Fields;
using ObservabilityStack.Emulator.Search.Blocks;

namespace ObservabilityStack.Emulator.Search.Queries;

/// <summary><c>exists</c>: the document has a non-null value for the field (for an object: for any field below it).</summary>
internal sealed class ExistsQuery(string field, double boost) : Query
{
    private readonly FieldRef _field = new(field);
    private readonly Dictionary<IFieldMappings, FieldRef[]> _children = new(ReferenceEqualityComparer.Instance);

    /// <inheritdoc/>
    public override bool Matches(DocContext doc, out double score)
    {
        score = boost;
        if (_field.Exists(doc))
        {
            return true;
        }

        if (_field.Resolve(doc).Kind != FieldKind.Object)
        {
            return false;
        }

        var mappings = doc.Shard.Mappings;
        if (!_children.TryGetValue(mappings, out var children))
        {
            var prefix = _field.Path + ".";
            children = [.. mappings.All
                .Where(f => f.Path.StartsWith(prefix, StringComparison.Ordinal) && ResolvedField.KindOf(f.Type) != FieldKind.Object)
                .Select(f => new FieldRef(f.Path))];
            _children[mappings] = children;
        }

        foreach (var child in children)
        {
            if (child.Exists(doc))
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc/>
    public override double? ConstantScore => boost;

    /// <inheritdoc/>
    public override bool FilterBlock(in RunBlock block, ulong[] candidates)
    {
        if (_field.IsMetadata)
        {
            return true;
        }

        if (_field.Resolve(block.Mappings).Kind == FieldKind.Object)
        {
            return false;
        }

        _field.ExistsColumnOf(block).Keep(candidates);
        return true;
    }
}

using ObservabilityStack.Emulator.Http;

namespace ObservabilityStack.Emulator.Storage;

/// <summary>How an index expression resolves: <c>ignore_unavailable</c>, <c>allow_no_indices</c>, <c>expand_wildcards</c>.</summary>
internal sealed record IndicesOptions(bool IgnoreUnavailable, bool AllowNoIndices, bool ExpandOpen, bool ExpandHidden)
{
    public static IndicesOptions Strict { get; } = new(false, false, true, false);

    public static IndicesOptions Lenient { get; } = new(false, true, true, false);

    public static IndicesOptions From(EsRequest request, IndicesOptions defaults)
    {
        var expand = request.Query("expand_wildcards");
        var open = defaults.ExpandOpen;
        var hidden = defaults.ExpandHidden;
        if (expand is not null)
        {
            var parts = expand.Split(',');
            open = parts.Any(p => p is "open" or "all" or "closed");
            hidden = parts.Any(p => p is "hidden" or "all");
        }

        return new IndicesOptions(
            request.Flag("ignore_unavailable", defaults.IgnoreUnavailable),
            request.Flag("allow_no_indices", defaults.AllowNoIndices),
            open,
            hidden);
    }
}

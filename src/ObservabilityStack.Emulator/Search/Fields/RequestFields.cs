namespace ObservabilityStack.Emulator.Search.Fields;

/// <summary>
/// Collects the fields a request reads while it is being compiled (every <see cref="FieldRef"/> announces itself
/// here), so a run that has to parse its documents for one column builds all of the request's columns in that pass
/// instead of one pass per field. Compilation is synchronous on one thread, hence the thread-static scope.
/// </summary>
internal static class RequestFields
{
    [ThreadStatic]
    private static List<FieldRef>? t_current;

    /// <summary>Runs <paramref name="compile"/>, adding every field reference it creates to <paramref name="into"/>.</summary>
    public static T Collecting<T>(List<FieldRef> into, Func<T> compile)
    {
        var previous = t_current;
        t_current = into;
        try
        {
            return compile();
        }
        finally
        {
            t_current = previous;
        }
    }

    /// <summary>Called by each new field reference.</summary>
    public static void Created(FieldRef field) => t_current?.Add(field);
}

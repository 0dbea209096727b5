namespace ObservabilityStack.Agent.Reading;

/// <summary>One complete line read from a file.</summary>
/// <param name="Path">The file it was read from.</param>
/// <param name="Fingerprint">Identity of the file's content (survives renames), part of the event id.</param>
/// <param name="Offset">Byte offset of the line's start.</param>
/// <param name="NextOffset">Byte offset just past the line's newline: where reading resumes.</param>
/// <param name="Text">The line without its newline (cut to the configured maximum).</param>
/// <param name="Truncated">True when the line was longer than the maximum and was cut.</param>
public sealed record LogLine(string Path, string Fingerprint, long Offset, long NextOffset, string Text, bool Truncated);

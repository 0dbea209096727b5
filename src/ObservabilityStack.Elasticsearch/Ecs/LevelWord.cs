namespace ObservabilityStack.Elasticsearch.Ecs;

/// <summary>A level word found in a log line (<see cref="LogLineFields.FindLevel"/>).</summary>
/// <param name="Level">The ECS level it means: <c>trace|debug|info|warn|error|fatal</c>.</param>
/// <param name="Start">Where the word (with its brackets, colon or <c>level=</c>) starts in the text.</param>
/// <param name="Length">How many characters it takes.</param>
/// <param name="Leading">
/// Whether it is one of the first words, which name the level rather than say something, so a reader can drop it from
/// the message.
/// </param>
public readonly record struct LevelWord(string Level, int Start, int Length, bool Leading);

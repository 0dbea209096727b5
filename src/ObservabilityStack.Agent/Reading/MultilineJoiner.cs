using System.Text;

namespace ObservabilityStack.Agent.Reading;

/// <summary>
/// Joins indented lines (stack traces, wrapped messages) to the line before them, so one exception is one
/// event. The last event of a file waits one poll for continuation lines before it is let go.
/// </summary>
internal sealed class MultilineJoiner
{
    private readonly bool _enabled;
    private LogLine? _first;
    private LogLine? _last;
    private StringBuilder? _text;
    private bool _waitedOnce;

    public MultilineJoiner(bool enabled) => _enabled = enabled;

    /// <summary>Adds lines; returns the events completed by them.</summary>
    public List<LogLine> Add(IReadOnlyList<LogLine> lines)
    {
        var done = new List<LogLine>();
        foreach (var line in lines)
        {
            if (!_enabled)
            {
                done.Add(line);
                continue;
            }

            var continues = line.Text.Length > 0 && (line.Text[0] == ' ' || line.Text[0] == '\t');
            if (continues && _first is not null)
            {
                _text!.Append('\n').Append(line.Text);
                _last = line;
                continue;
            }

            if (Take() is { } previous)
            {
                done.Add(previous);
            }

            _first = line;
            _last = line;
            _text = new StringBuilder(line.Text);
        }

        if (lines.Count > 0)
        {
            _waitedOnce = false;
        }

        return done;
    }

    /// <summary>Called when the file had nothing new: the held event goes out on the second idle poll.</summary>
    public LogLine? Idle()
    {
        if (_first is null)
        {
            return null;
        }

        if (!_waitedOnce)
        {
            _waitedOnce = true;
            return null;
        }

        return Take();
    }

    /// <summary>Lets the held event go now (file finished or agent stopping).</summary>
    public LogLine? Flush() => Take();

    private LogLine? Take()
    {
        if (_first is null)
        {
            return null;
        }

        var joined = _first == _last ? _first : _first with { NextOffset = _last!.NextOffset, Text = _text!.ToString(), Truncated = _first.Truncated || _last.Truncated };
        _first = null;
        _last = null;
        _text = null;
        _waitedOnce = false;
        return joined;
    }
}

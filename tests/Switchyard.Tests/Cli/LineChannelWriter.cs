using System.Text;
using System.Threading.Channels;

namespace Switchyard.Tests.Cli;

/// <summary>
/// A TextWriter for a command running on another thread: every completed line is queued, so a
/// test waits for the line it needs (its arrival is the signal) instead of polling or sleeping.
/// </summary>
internal sealed class LineChannelWriter : TextWriter
{
    private readonly Lock _gate = new();
    private readonly StringBuilder _partial = new();
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        lock (_gate)
        {
            if (value == '\n')
            {
                _lines.Writer.TryWrite(_partial.ToString().TrimEnd('\r'));
                _partial.Clear();
            }
            else
            {
                _partial.Append(value);
            }
        }
    }

    /// <summary>The lines up to and including the first one that satisfies <paramref name="last"/>.</summary>
    public async Task<List<string>> ReadUntilAsync(Func<string, bool> last, CancellationToken ct)
    {
        var lines = new List<string>();
        while (true)
        {
            var line = await _lines.Reader.ReadAsync(ct);
            lines.Add(line);
            if (last(line)) return lines;
        }
    }
}

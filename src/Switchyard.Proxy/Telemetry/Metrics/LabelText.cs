using System.Text;

namespace Switchyard.Proxy.Telemetry.Metrics;

/// <summary>Builds a label set in the Prometheus text format 0.0.4 (<c>name="value",...</c>,
/// values escaped: backslash, double quote, newline). Used once per series, never per request.</summary>
public sealed class LabelText
{
    private readonly StringBuilder _text = new();

    public LabelText Add(string name, string? value)
    {
        if (_text.Length > 0) _text.Append(',');
        _text.Append(name).Append("=\"");
        foreach (var c in value ?? "unknown")
        {
            switch (c)
            {
                case '\\': _text.Append("\\\\"); break;
                case '"': _text.Append("\\\""); break;
                case '\n': _text.Append("\\n"); break;
                default: _text.Append(c); break;
            }
        }
        _text.Append('"');
        return this;
    }

    public override string ToString() => _text.ToString();
}

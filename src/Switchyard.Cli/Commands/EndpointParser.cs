using System.Net;

namespace Switchyard.Cli.Commands;

/// <summary>Parses <c>host:port</c> listen addresses and <c>k=v,k=v</c> label lists.</summary>
internal static class EndpointParser
{
    public static IPEndPoint? ParseListen(string text, out string? error)
    {
        error = null;
        if (IPEndPoint.TryParse(text, out var ep) && ep.Port is >= 0 and <= 65535 && text.Contains(':')) return ep;
        if (text.StartsWith("localhost:", StringComparison.OrdinalIgnoreCase) && int.TryParse(text[10..], out var port))
            return new IPEndPoint(IPAddress.Loopback, port);
        error = $"invalid address \"{text}\": expected IP:PORT such as 127.0.0.1:15001";
        return null;
    }

    public static Dictionary<string, string>? ParseLabels(string? text, out string? error)
    {
        error = null;
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(text)) return labels;
        foreach (var pair in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = pair.IndexOf('=');
            if (eq <= 0) { error = $"invalid label \"{pair}\": expected key=value"; return null; }
            labels[pair[..eq]] = pair[(eq + 1)..];
        }
        return labels;
    }
}

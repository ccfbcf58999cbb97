using Switchyard.Translation.Routes;

namespace Switchyard.Explain;

/// <summary>The request <c>explain</c> asks about: what a client would send, and the labels of the
/// workload sending it (for <c>sourceLabels</c> matches).</summary>
public sealed record ExplainRequest(
    string Host,
    string Path = "/",
    string Method = "GET",
    int Port = 80,
    IReadOnlyDictionary<string, string>? Headers = null,
    IReadOnlyDictionary<string, string>? SourceLabels = null)
{
    /// <summary>The Host header as sent: the host, with <c>:port</c> unless the port is 80.</summary>
    public string Authority => Port == 80 || Host.Contains(':') ? Host : $"{Host}:{Port}";

    /// <summary>The same view of a request the proxy's matcher reads.</summary>
    public RequestView View => new(Method, Path, Authority, Headers, Port);
}

using System.Text;

namespace Switchyard.Translation.Policies.Redirect;

/// <summary>
/// The Location header, built as Envoy's Http::Utility::newUri: scheme (redirect's, else the
/// request's), host (redirect's, else the request's with its port dropped when a new port is
/// set or when the scheme changes away from the port's default), the port (":N" when set), and
/// the path (redirect's — keeping the request's query unless it has its own — else the request's).
/// </summary>
public static class RedirectLocation
{
    /// <param name="requestScheme">The request's :scheme (http on a plaintext listener).</param>
    /// <param name="forwardedProto">x-forwarded-proto as Envoy sees it (Envoy compares it, not :scheme, to decide port stripping).</param>
    /// <param name="requestHost">The request's Host/:authority, port included when the client sent one.</param>
    /// <param name="pathAndQuery">The request's :path (path plus "?query").</param>
    /// <param name="requestPort">The port the request came in on; 0 when unknown.</param>
    public static string Build(RedirectPolicy policy, string requestScheme, string forwardedProto, string requestHost, string pathAndQuery, int requestPort)
    {
        var scheme = policy.Scheme ?? requestScheme;
        var port = policy.Port is { } p ? ":" + p
            : policy.PortFromRequest && requestPort > 0 ? ":" + requestPort
            : "";
        var host = policy.Host ?? RequestHost(requestHost, scheme, forwardedProto, port);
        var path = Path(policy, pathAndQuery);
        var sb = new StringBuilder(scheme.Length + host.Length + port.Length + path.Length + 4);
        sb.Append(scheme).Append("://").Append(host).Append(port);
        if (!path.StartsWith('/')) sb.Append('/');
        return sb.Append(path).ToString();
    }

    private static string Path(RedirectPolicy policy, string pathAndQuery)
    {
        if (policy.Path is not { } redirect) return pathAndQuery;
        if (policy.PathHasQuery) return redirect;
        var q = pathAndQuery.IndexOf('?');
        return q < 0 ? redirect : redirect + pathAndQuery[q..];
    }

    /// <summary>Envoy's processRequestHost: drop the request's port when the redirect sets one,
    /// or when the scheme changes and the port is the old scheme's default (":80" for http,
    /// ":443" for https), so http://a:80 → https://a, not https://a:80.</summary>
    private static string RequestHost(string host, string newScheme, string forwardedProto, string newPort)
    {
        if (host.Length == 0) return host;
        int portStart;
        if (host[0] == '[')
        {
            portStart = host.LastIndexOf("]:", StringComparison.Ordinal);
            if (portStart >= 0) portStart++;
        }
        else portStart = host.LastIndexOf(':');
        if (portStart < 0) return host;

        var requestPort = host.AsSpan(portStart);
        var remove = newPort.Length > 0;
        if (!string.Equals(newScheme, forwardedProto, StringComparison.Ordinal))
        {
            remove |= forwardedProto == "https" && requestPort.SequenceEqual(":443");
            remove |= forwardedProto == "http" && requestPort.SequenceEqual(":80");
        }
        return remove ? host[..portStart] : host;
    }
}

using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Switchyard.Proxy.Pipeline;

/// <summary>
/// RFC 9110 §7.6.1: a proxy removes every header field the <c>Connection</c> header names before
/// forwarding, as Envoy's HTTP/1 codec does; they describe only the hop they came on. YARP drops
/// the fixed hop-by-hop fields (Connection, Keep-Alive, Transfer-Encoding, TE, Upgrade...) but
/// forwards the ones a client or upstream nominates, such as <c>Connection: x-session</c>.
/// Costs a scan of the Connection value only when there is one, and allocates only for the
/// uncommon tokens other than keep-alive, close and upgrade.
/// </summary>
/// <remarks>
/// Kestrel interns the request's Connection value when its recognised options are exactly one of
/// keep-alive, close or upgrade (HttpHeaders.ParseConnection), so <c>Connection: keep-alive,
/// x-hop</c> reaches the proxy as <c>keep-alive</c> and the nominated names are lost before this
/// step can see them; <c>Connection: x-hop</c> (HTTP/1.1's default keep-alive) arrives whole.
/// </remarks>
public static class ConnectionNominatedHeaders
{
    /// <summary>Removes from the upstream request the fields the client's Connection header names.</summary>
    public static void RemoveFrom(HttpRequest downstream, HttpRequestMessage upstream)
    {
        var connection = downstream.Headers.Connection;
        if (StringValues.IsNullOrEmpty(connection)) return;
        foreach (var value in connection)
        {
            var rest = value.AsSpan();
            while (NextNominated(ref rest, out var token))
            {
                var name = token.ToString();
                upstream.Headers.Remove(name);
                upstream.Content?.Headers.Remove(name);
            }
        }
    }

    /// <summary>Removes from the downstream response the fields the upstream's Connection header named.</summary>
    public static void RemoveFrom(HttpResponseMessage upstream, IHeaderDictionary downstream)
    {
        if (!upstream.Headers.NonValidated.TryGetValues("Connection", out var values)) return;
        foreach (var value in values)
        {
            var rest = value.AsSpan();
            while (NextNominated(ref rest, out var token)) downstream.Remove(token.ToString());
        }
    }

    /// <summary>The next field name a Connection value nominates (its comma-separated tokens,
    /// less the connection options themselves); false at the end of the value.</summary>
    private static bool NextNominated(ref ReadOnlySpan<char> rest, out ReadOnlySpan<char> token)
    {
        while (!rest.IsEmpty)
        {
            var comma = rest.IndexOf(',');
            token = (comma < 0 ? rest : rest[..comma]).Trim();
            rest = comma < 0 ? default : rest[(comma + 1)..];
            if (!token.IsEmpty && !IsConnectionOption(token)) return true;
        }
        token = default;
        return false;
    }

    /// <summary>Tokens that are connection options rather than field names (or name fields that are
    /// hop-by-hop anyway): nothing to remove for them.</summary>
    private static bool IsConnectionOption(ReadOnlySpan<char> token) =>
        token.Equals("keep-alive", StringComparison.OrdinalIgnoreCase)
        || token.Equals("close", StringComparison.OrdinalIgnoreCase)
        || token.Equals("upgrade", StringComparison.OrdinalIgnoreCase);
}

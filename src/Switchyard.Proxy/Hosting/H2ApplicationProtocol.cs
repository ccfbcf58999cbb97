using Microsoft.AspNetCore.Server.Kestrel.Core.Features;

namespace Switchyard.Proxy.Hosting;

/// <summary>
/// Says "h2" where Kestrel looks for the ALPN result, so that it runs HTTP/2 on a cleartext
/// connection that opened with the HTTP/2 preface (see <see cref="Http2PriorKnowledgeSelector"/>).
/// Immutable, so one instance serves every connection.
/// </summary>
internal sealed class H2ApplicationProtocol : ITlsApplicationProtocolFeature
{
    public static readonly H2ApplicationProtocol Instance = new();

    private static readonly byte[] H2 = "h2"u8.ToArray();

    private H2ApplicationProtocol() { }

    public ReadOnlyMemory<byte> ApplicationProtocol => H2;
}

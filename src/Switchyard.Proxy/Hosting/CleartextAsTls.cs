using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Http.Features;

namespace Switchyard.Proxy.Hosting;

/// <summary>
/// The TLS feature Kestrel requires before it will believe an ALPN result: a connection with no
/// client certificate. Set only on h2c prior-knowledge connections (see
/// <see cref="Http2PriorKnowledgeSelector"/>), never on HTTP/1.1 ones.
/// </summary>
internal sealed class CleartextAsTls : ITlsConnectionFeature
{
    public static readonly CleartextAsTls Instance = new();

    private CleartextAsTls() { }

    public X509Certificate2? ClientCertificate
    {
        get => null;
        set { }
    }

    public Task<X509Certificate2?> GetClientCertificateAsync(CancellationToken cancellationToken) => Task.FromResult<X509Certificate2?>(null);
}

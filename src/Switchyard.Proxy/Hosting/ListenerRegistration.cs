using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Switchyard.Proxy.Hosting;

/// <summary>
/// One listener the host starts: its name (for logs), where it binds, the protocols it speaks
/// and what it serves, and for the traffic listener its connection cap and per-request limits.
/// Outbound and admin today; inbound (15006) and gateway listeners are one more registration each.
/// </summary>
internal sealed record ListenerRegistration(string Name, IPEndPoint Endpoint, HttpProtocols Protocols, Action<WebApplication> Map,
    DownstreamConnectionLimit? ConnectionLimit = null, DownstreamLimits? Limits = null,
    System.Security.Cryptography.X509Certificates.X509Certificate2? Certificate = null);

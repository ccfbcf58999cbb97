using System.Net;
using Switchyard.Proxy.Telemetry;
using Switchyard.Randomness;

namespace Switchyard.Proxy.Hosting;

public sealed record ProxyServerOptions
{
    /// <summary>Where the proxy listens (port 0 picks a free port).</summary>
    public IPEndPoint Listen { get; init; } = new(IPAddress.Loopback, 15001);

    /// <summary>Where the admin API listens; null for none.</summary>
    public IPEndPoint? Admin { get; init; } = new(IPAddress.Loopback, 15000);

    public IRandomSource Random { get; init; } = SharedRandomSource.Instance;

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>This proxy's locality (<c>region/zone/subzone</c>) for locality-aware balancing.</summary>
    public string? LocalLocality { get; init; }

    /// <summary>Called once per request with its outcome (access log, metrics, tests).</summary>
    public Action<RequestOutcome>? OnOutcome { get; init; }
}

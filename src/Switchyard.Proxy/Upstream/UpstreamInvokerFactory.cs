using System.Net;
using Switchyard.Proxy.ConnectionPool;
using Switchyard.Randomness;
using Switchyard.Translation.Clusters;

namespace Switchyard.Proxy.Upstream;

/// <summary>
/// One tuned <see cref="SocketsHttpHandler"/> per cluster, as YARP's forwarder expects: no
/// proxy, no redirects, no decompression, no cookies (the proxy is transparent), connection
/// limits and timeouts from the DestinationRule's connectionPool.
/// </summary>
public static class UpstreamInvokerFactory
{
    public static ClusterInvoker Create(ClusterPolicy policy, TimeProvider time, IRandomSource random)
    {
        var tcp = policy.ConnectionPool?.Tcp;
        var http = policy.ConnectionPool?.Http;
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            EnableMultipleHttp2Connections = true,
            ActivityHeadersPropagator = null,
            // Envoy's defaults: connect timeout 10s, idle timeout 1h.
            ConnectTimeout = tcp?.ConnectTimeout?.ToTimeSpan() ?? TimeSpan.FromSeconds(10),
            PooledConnectionIdleTimeout = (http?.IdleTimeout ?? tcp?.IdleTimeout)?.ToTimeSpan() is { } idle && idle > TimeSpan.Zero
                ? idle : TimeSpan.FromHours(1),
        };
        if (tcp?.MaxConnections is > 0 and var max) handler.MaxConnectionsPerServer = max;
        if (tcp?.MaxConnectionDuration is { } life && life.ToTimeSpan() > TimeSpan.Zero) handler.PooledConnectionLifetime = life.ToTimeSpan();
        if (tcp?.TcpKeepalive is { } keepalive) handler.ConnectCallback = new TcpKeepaliveConnector(keepalive).ConnectAsync;
        if (http?.MaxRequestsPerConnection is > 1 and var perConnection)
            handler.PlaintextStreamFilter = (context, _) => ValueTask.FromResult(context.NegotiatedHttpVersion.Major == 1
                ? new RequestLimitedStream(context.PlaintextStream, perConnection) : context.PlaintextStream);
        return new ClusterInvoker(new AttemptHandler(handler, time, random));
    }
}

using System.Net;
using Switchyard.Proxy.ConnectionPool;
using Switchyard.Randomness;
using Switchyard.Translation.Policies.ConnectionPool;

namespace Switchyard.Proxy.Upstream;

/// <summary>
/// One tuned <see cref="SocketsHttpHandler"/> per cluster, as YARP's forwarder expects: no
/// proxy, no redirects, no decompression, no cookies (the proxy is transparent), connection
/// limits and timeouts from the DestinationRule's connectionPool.
/// </summary>
public static class UpstreamInvokerFactory
{
    public static ClusterInvoker Create(UpstreamClientSpec spec, TimeProvider time, IRandomSource random)
    {
        var handler = NewHandler(spec);
        if (spec.MaxRequestsPerConnection > 1)
        {
            var perConnection = spec.MaxRequestsPerConnection;
            handler.PlaintextStreamFilter = (context, _) => ValueTask.FromResult(context.NegotiatedHttpVersion.Major == 1
                ? new RequestLimitedStream(context.PlaintextStream, perConnection) : context.PlaintextStream);
        }
        return new ClusterInvoker(new AttemptHandler(handler, time, random, new AsteriskFormClient(() => NewHandler(spec))));
    }

    private static SocketsHttpHandler NewHandler(UpstreamClientSpec spec)
    {
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            EnableMultipleHttp2Connections = true,
            ActivityHeadersPropagator = null,
            // Envoy's defaults (connect timeout 10s, idle timeout 1h) are filled in by translation.
            ConnectTimeout = spec.ConnectTimeout,
            PooledConnectionIdleTimeout = spec.IdleTimeout,
            MaxConnectionsPerServer = spec.MaxConnectionsPerServer,
        };
        if (spec.MaxConnectionDuration is { } life) handler.PooledConnectionLifetime = life;
        if (spec.TcpKeepalive is { } keepalive) handler.ConnectCallback = new TcpKeepaliveConnector(keepalive).ConnectAsync;
        return handler;
    }
}

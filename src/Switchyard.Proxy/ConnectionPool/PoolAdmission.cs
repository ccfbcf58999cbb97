using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Switchyard.Proxy.Pipeline;
using Switchyard.Proxy.Telemetry;
using Switchyard.Translation.Policies.ConnectionPool;

namespace Switchyard.Proxy.ConnectionPool;

/// <summary>
/// The connectionPool step of an upstream attempt: choose the upstream HTTP version
/// (h2UpgradePolicy, useClientProtocol), ask for keep-alive to end after the connection's last
/// request (maxRequestsPerConnection 1), and admit the request through the cluster's circuit
/// breakers, answering overflow at once as Envoy does: 503, flag UO, <c>x-envoy-overloaded: true</c>.
/// A cluster without limits pays three field reads.
/// </summary>
public static class PoolAdmission
{
    /// <summary>Envoy's local reply body for a circuit-breaker overflow.</summary>
    public const string OverflowBody = LocalReply.ResetBeforeHeaders + "overflow";

    /// <returns>The overflow reply, or null when the attempt may go on.</returns>
    public static ValueTask<HttpResponseMessage?> ApplyAsync(ProxyContext ctx, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var cluster = ctx.Cluster!;
        var limits = cluster.PoolLimits;
        if (limits.Protocol != UpstreamProtocol.Http11) ChooseVersion(ctx, request, limits.Protocol);
        var http1 = request.Version.Major < 2 || request.VersionPolicy == HttpVersionPolicy.RequestVersionOrLower;
        // max_requests_per_connection 1 is Istio's "disable keep-alive": close after each request.
        if (limits.MaxRequestsPerConnection == 1 && http1) request.Headers.ConnectionClose = true;

        // One place per downstream request: a retry reuses the first attempt's place, since the
        // request still has only one upstream request in flight. Overflow itself is never retried
        // (Envoy's retry state refuses to retry an overflow reset).
        if (cluster.Pool is not { } pool || ctx.Attempts > 1) return ValueTask.FromResult<HttpResponseMessage?>(null);
        var lease = pool.AcquireAsync(http1, cancellationToken);
        return lease.IsCompletedSuccessfully ? ValueTask.FromResult(Admit(ctx, lease.Result)) : AdmitLaterAsync(ctx, lease);
    }

    private static async ValueTask<HttpResponseMessage?> AdmitLaterAsync(ProxyContext ctx, ValueTask<PoolLease?> lease) =>
        Admit(ctx, await lease.ConfigureAwait(false));

    private static HttpResponseMessage? Admit(ProxyContext ctx, PoolLease? lease)
    {
        if (lease is not null)
        {
            // Released when the downstream request completes: an HTTP/1.1 connection stays busy
            // until the response body has been copied, after this handler has returned.
            ctx.Http.Response.RegisterForDispose(lease);
            return null;
        }
        return LocalReply.ToMessage(ctx, StatusCodes.Status503ServiceUnavailable, ResponseFlags.UpstreamOverflow,
            ResponseCodeDetails.Overflow, LocalReply.Overflow, overloaded: true);
    }

    // h2UpgradePolicy UPGRADE: HTTP/2 to the endpoint; on plain text that is h2c with prior
    // knowledge, which SocketsHttpHandler speaks only for an exact 2.0 request. useClientProtocol:
    // the downstream version. Upgrades (WebSocket) stay HTTP/1.1, as Envoy never upgrades them.
    private static void ChooseVersion(ProxyContext ctx, HttpRequestMessage request, UpstreamProtocol protocol)
    {
        if (ctx.Http.Features.Get<IHttpUpgradeFeature>()?.IsUpgradableRequest == true
            || ctx.Http.Features.Get<IHttpExtendedConnectFeature>()?.IsExtendedConnect == true) return;
        var http2 = protocol == UpstreamProtocol.Http2 || HttpProtocol.IsHttp2(ctx.Http.Request.Protocol);
        request.Version = http2 ? HttpVersion.Version20 : HttpVersion.Version11;
        request.VersionPolicy = HttpVersionPolicy.RequestVersionExact;
    }
}

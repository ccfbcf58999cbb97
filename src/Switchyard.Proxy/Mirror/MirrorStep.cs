using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Switchyard.Proxy.ConnectionPool;
using Switchyard.Proxy.LoadBalancing;
using Switchyard.Proxy.Pipeline;
using Switchyard.Proxy.Runtime;
using Switchyard.Proxy.Upstream;
using Switchyard.Randomness;
using Switchyard.Translation.Policies.ConnectionPool;
using Switchyard.Translation.Policies.Mirror;

namespace Switchyard.Proxy.Mirror;

/// <summary>
/// Envoy's request mirroring (RouteAction.request_mirror_policies): each mirror target is drawn
/// on its own share; a drawn copy goes to one endpoint of the mirror's cluster, picked by that
/// cluster's balancer, with the Host suffixed "-shadow". Fire and forget: the copy is never
/// awaited, its answer and failures are dropped, each send has a deadline, and each mirror
/// cluster has a bound on copies in flight (beyond it copies are dropped, never queued), so a
/// slow or dead mirror cannot slow or fail the real request or grow memory.
/// <para>Bodies: a request without a body is copied at once. A body with a Content-Length of at
/// most <see cref="MaxBufferedBody"/> is read into memory before forwarding, then forwarded and
/// copied from there (Envoy also buffers a shadowed request's body). A larger body, or one of
/// unknown length (chunked), is not mirrored: Envoy abandons shadows past its buffer limit too
/// (router's retry_or_shadow_abandoned).</para>
/// <para>A copy is an upstream request of the mirror cluster like any other, as Envoy's shadow
/// is: it takes a place in that cluster's circuit breakers (dropped on overflow), holds the
/// cluster's upstream client until it ends, and its outcome is reported to that cluster's
/// outlier detector. Its slot is on the cluster's runtime (<see cref="ClusterRuntime.MirrorSlots"/>).</para>
/// </summary>
public static class MirrorStep
{
    public const int MaxBufferedBody = 64 * 1024;

    /// <summary>Copies in flight per mirror cluster; more are dropped.</summary>
    public const int MaxInFlightPerCluster = 128;

    /// <summary>A copy's deadline when the route has no timeout (Envoy would use the route's timeout,
    /// which Istio leaves unset; we keep a bound so a mirror that never answers frees its slot).</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Starts the copies; returns once the body (if any) is buffered, never waits for a mirror.
    /// A rule without mirrors costs one null check and no allocation.</summary>
    public static ValueTask StartAsync(ProxyContext ctx, IRandomSource random, TimeProvider time)
    {
        var policy = ctx.Route!.Mirror;
        return policy is null ? ValueTask.CompletedTask : StartCopiesAsync(ctx, policy, random, time);
    }

    private static async ValueTask StartCopiesAsync(ProxyContext ctx, MirrorPolicy policy, IRandomSource random, TimeProvider time)
    {
        List<ClusterRuntime>? drawn = null;
        foreach (var target in policy.Targets)
            if (target.Share.Hit(random) && ctx.State.Clusters.TryGetValue(target.ClusterName, out var cluster))
                (drawn ??= []).Add(cluster);
        if (drawn is null) return;

        var body = await BufferBodyAsync(ctx.Http).ConfigureAwait(false);
        if (body is null) return;
        var copy = new MirrorCopy(ctx.Http.Request, ctx.View.PathAndQuery, body.Value);
        var timeout = ctx.Route!.Timeout?.Timeout is { } t && t > TimeSpan.Zero ? t : DefaultTimeout;
        foreach (var cluster in drawn)
        {
            if (!cluster.MirrorSlots.TryTake()) continue;
            _ = SendAsync(cluster, copy, timeout, time);
        }
    }

    private static async Task SendAsync(ClusterRuntime cluster, MirrorCopy copy, TimeSpan timeout, TimeProvider time)
    {
        EndpointState? endpoint = null;
        PoolLease? place = null;
        UpstreamClientLease client = default;
        try
        {
            // Off the request's own continuation: even the copy's synchronous start is not the request's cost.
            await Task.Yield();
            var parts = cluster.Parts;
            using var deadline = new CancellationTokenSource(timeout, time);
            if (parts.Pool is { } pool)
            {
                place = await pool.AcquireAsync(parts.Spec.Policy.Pool.Protocol == UpstreamProtocol.Http11, deadline.Token).ConfigureAwait(false);
                if (place is null) return; // overflow: Envoy drops the shadow (upstream_rq_pending_overflow)
            }
            endpoint = parts.Balancer.Pick(new LbRequest(null));
            if (endpoint is null) return;
            endpoint.OnRequestStart();
            client = cluster.AcquireClient();
            using var request = copy.ToMessage(endpoint.DestinationPrefix);
            HttpResponseMessage response;
            try
            {
                response = await client.Invoker.SendAsync(request, deadline.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpRequestException or IOException || (e is OperationCanceledException && deadline.IsCancellationRequested))
            {
                // A shadow that failed or timed out counts against its endpoint, as Envoy's does.
                parts.Outlier?.Report(endpoint, null, UpstreamFailure.Classify(e));
                return;
            }
            using (response)
            {
                parts.Outlier?.Report(endpoint, response, null);
                // Read the answer to the end so the connection goes back to the pool.
                await response.Content.CopyToAsync(Stream.Null, deadline.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is HttpRequestException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The shadow's answer is nobody else's business: Envoy drops it entirely.
        }
        finally
        {
            endpoint?.OnRequestEnd();
            client.Dispose();
            place?.Dispose();
            cluster.MirrorSlots.Return();
        }
    }

    /// <summary>The body to copy: empty when the request has none, its bytes when it is small and
    /// of known length (the live request then reads them from memory), null to abandon the copy.</summary>
    private static async ValueTask<ReadOnlyMemory<byte>?> BufferBodyAsync(HttpContext http)
    {
        var request = http.Request;
        var canHaveBody = http.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody ?? request.ContentLength > 0;
        if (!canHaveBody || request.ContentLength == 0) return ReadOnlyMemory<byte>.Empty;
        if (request.ContentLength is not { } length || length > MaxBufferedBody) return null;
        var bytes = new byte[length];
        try
        {
            await request.Body.ReadExactlyAsync(bytes, http.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or BadHttpRequestException)
        {
            return null; // the client went away; the real request reports it
        }
        request.Body = new MemoryStream(bytes, writable: false);
        return bytes;
    }

}

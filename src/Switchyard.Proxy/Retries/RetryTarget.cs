using Switchyard.Proxy.LoadBalancing;
using Switchyard.Proxy.Pipeline;
using Switchyard.Translation.Policies.Retries;

namespace Switchyard.Proxy.Retries;

/// <summary>
/// Where a retry goes. With Envoy's previous_hosts predicate (Istio's default, except under
/// consistent hashing) the balancer is asked to avoid the host that just failed, and a pick that
/// lands on any host tried before is re-drawn, up to Istio's HostSelectionRetryMaxAttempts (5);
/// when no other host exists the retry goes back to the same one. The request is then pointed at
/// the chosen endpoint and the request's <see cref="Upstream.EndpointLease"/> moves with it. With retryRemoteLocalities the
/// endpoints tried so far also steer a locality balancer to other priority levels.
/// </summary>
public static class RetryTarget
{
    private const int HostSelectionMaxAttempts = 5;

    public static void MoveToNext(ProxyContext ctx, RetryPolicy policy, HttpRequestMessage request, ref EndpointState[]? tried)
    {
        var previous = ctx.Upstream!;
        var avoid = policy.RetryIgnorePreviousHosts ?? ctx.HashKey is null;
        var balancer = ctx.Cluster!.Balancer;
        tried = Append(tried, previous);
        // retryRemoteLocalities: the locality balancer moves on from levels already tried.
        var priorities = policy.RetryRemoteLocalities ? tried : null;
        EndpointState? next;
        if (avoid)
        {
            next = balancer.Pick(new LbRequest(ctx.HashKey, previous, priorities));
            for (var i = 1; i < HostSelectionMaxAttempts && next is not null && Contains(tried, next); i++)
                next = balancer.Pick(new LbRequest(ctx.HashKey, previous, priorities));
        }
        else
        {
            next = balancer.Pick(new LbRequest(ctx.HashKey, TriedPriorities: priorities));
        }
        if (next is null || ReferenceEquals(next, previous)) return;

        ctx.Lease.Move(next);
        request.RequestUri = new Uri(next.DestinationPrefix + request.RequestUri!.PathAndQuery, UriKind.Absolute);
    }

    private static EndpointState[] Append(EndpointState[]? tried, EndpointState endpoint)
    {
        if (tried is not null && Contains(tried, endpoint)) return tried;
        var grown = new EndpointState[(tried?.Length ?? 0) + 1];
        tried?.CopyTo(grown, 0);
        grown[^1] = endpoint;
        return grown;
    }

    private static bool Contains(EndpointState[] tried, EndpointState endpoint)
    {
        foreach (var t in tried)
            if (ReferenceEquals(t, endpoint)) return true;
        return false;
    }
}

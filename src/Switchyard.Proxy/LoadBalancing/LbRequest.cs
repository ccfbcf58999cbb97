namespace Switchyard.Proxy.LoadBalancing;

/// <summary>What a balancer needs to know about one attempt: the consistent-hash key (see
/// <see cref="ConsistentHashKey"/>) and, on a retry, the endpoint that just failed, which Istio's
/// default retry policy avoids (Envoy's previous_hosts retry predicate), and — with
/// retryRemoteLocalities — the endpoints tried so far, whose priority levels a locality balancer
/// leaves once they have had their share (Envoy's previous_priorities retry plugin).</summary>
public readonly record struct LbRequest(ulong? HashKey, EndpointState? Exclude = null, IReadOnlyList<EndpointState>? TriedPriorities = null);

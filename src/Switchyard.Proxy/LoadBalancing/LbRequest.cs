namespace Switchyard.Proxy.LoadBalancing;

/// <summary>What a balancer needs to know about one attempt: the consistent-hash key (see
/// <see cref="ConsistentHashKey"/>) and, on a retry, the endpoint that just failed, which Istio's
/// default retry policy avoids (Envoy's previous_hosts retry predicate).</summary>
public readonly record struct LbRequest(ulong? HashKey, EndpointState? Exclude = null);

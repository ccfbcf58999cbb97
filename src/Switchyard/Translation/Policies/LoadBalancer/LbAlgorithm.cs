namespace Switchyard.Translation.Policies.LoadBalancer;

/// <summary>The balancer Envoy runs for a cluster, as Istio maps <c>loadBalancer</c>: simple
/// UNSPECIFIED, LEAST_CONN and LEAST_REQUEST → LeastRequest (Istio's default); consistentHash →
/// RingHash (default) or Maglev.</summary>
public enum LbAlgorithm
{
    LeastRequest,
    RoundRobin,
    Random,
    Passthrough,
    RingHash,
    Maglev,
}

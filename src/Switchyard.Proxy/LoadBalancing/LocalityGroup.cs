namespace Switchyard.Proxy.LoadBalancing;

/// <summary>The endpoints of one locality (or of a whole level) with their balancer and the
/// locality's weight (Envoy's LocalityLbEndpoints.load_balancing_weight).</summary>
public sealed record LocalityGroup(string Locality, double Weight, IReadOnlyList<EndpointState> Endpoints, ILoadBalancer Balancer);

namespace Switchyard.Translation.Policies.Headers;

/// <summary>
/// The header operations of one destination of a route with several (Envoy's
/// WeightedCluster.ClusterWeight): evaluated before the route's own, so on the same name the
/// route's set wins. <see cref="Authority"/> is the cluster's host_rewrite_literal, null when the
/// route rewrites the host itself (Envoy applies the route's after the cluster's).
/// </summary>
public sealed record DestinationHeaders(HeaderMutation? Request, HeaderMutation? Response, string? Authority);

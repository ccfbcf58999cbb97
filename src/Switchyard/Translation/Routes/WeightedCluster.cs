using Switchyard.Translation.Policies.Headers;

namespace Switchyard.Translation.Routes;

/// <summary>One destination of a route: the cluster it names (which may be missing from the
/// snapshot: 503 NC), its weight, and its own header operations (only when the route has several
/// destinations; with one, they are merged into the route's).</summary>
public sealed record WeightedCluster(string ClusterName, int Weight, DestinationHeaders? Headers = null);

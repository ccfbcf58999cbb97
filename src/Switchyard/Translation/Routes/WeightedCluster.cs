using Switchyard.Model.Networking;

namespace Switchyard.Translation.Routes;

/// <summary>One destination of a route: the cluster it names (which may be missing from the
/// snapshot: 503 NC), its weight, and the destination as written (for headers per destination).</summary>
public sealed record WeightedCluster(string ClusterName, int Weight, HTTPRouteDestination Destination);

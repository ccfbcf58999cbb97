namespace Switchyard.Translation.Policies.Mirror;

/// <summary>One mirror: the cluster that gets the shadow copy and the share of requests copied.</summary>
public sealed record MirrorTarget(string ClusterName, FractionPerMillion Share);

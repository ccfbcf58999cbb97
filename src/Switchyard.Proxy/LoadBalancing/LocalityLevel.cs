namespace Switchyard.Proxy.LoadBalancing;

/// <summary>One Envoy priority level: its locality groups (one group when no weights are set).</summary>
public sealed record LocalityLevel(int Priority, IReadOnlyList<LocalityGroup> Groups, IReadOnlyList<EndpointState> Endpoints);

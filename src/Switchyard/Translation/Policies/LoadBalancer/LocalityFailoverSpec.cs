namespace Switchyard.Translation.Policies.LoadBalancer;

/// <summary>One <c>failover</c> entry: when the proxy is in region <see cref="From"/>, region
/// <see cref="To"/> is the next priority after its own region.</summary>
public sealed record LocalityFailoverSpec(string From, string To);

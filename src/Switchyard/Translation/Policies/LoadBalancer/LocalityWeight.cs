namespace Switchyard.Translation.Policies.LoadBalancer;

/// <summary>One <c>distribute.to</c> entry: a locality pattern and its share of the traffic.</summary>
public sealed record LocalityWeight(string Locality, uint Weight);

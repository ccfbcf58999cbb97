namespace Switchyard.Translation.Policies.LoadBalancer;

/// <summary>One <c>distribute</c> entry: from a locality pattern to weighted locality patterns.</summary>
public sealed record LocalityDistributeSpec(string From, EquatableList<LocalityWeight> To);

namespace Switchyard.Translation.Policies.LoadBalancer;

/// <summary>
/// <c>localityLbSetting</c> with Istio's mesh default filled in: enabled unless it says
/// <c>enabled: false</c> (the default mesh config turns locality balancing on, so failover
/// applies whenever outlier detection is on). Distribute weights and failover pairs keep their
/// written order; Istio uses the first entry whose <c>from</c> matches.
/// </summary>
public sealed record LocalityLbSpec(
    bool Enabled,
    EquatableList<LocalityDistributeSpec> Distribute,
    EquatableList<LocalityFailoverSpec> Failover,
    EquatableList<string> FailoverPriority)
{
    public static readonly LocalityLbSpec Default = new(true, EquatableList<LocalityDistributeSpec>.Empty,
        EquatableList<LocalityFailoverSpec>.Empty, EquatableList<string>.Empty);
}

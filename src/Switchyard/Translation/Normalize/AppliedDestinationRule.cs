using Switchyard.Model.Networking;

namespace Switchyard.Translation.Normalize;

/// <summary>The DestinationRule that applies to a host for one proxy, after merging the rules
/// Istio merges: the first rule's top-level policy (a later one only fills an absent policy)
/// and the subsets of all of them (a later duplicate name is dropped).</summary>
public sealed record AppliedDestinationRule(DestinationRule Primary, TrafficPolicy? TrafficPolicy, IReadOnlyList<AppliedSubset> Subsets)
{
    public AppliedSubset? FindSubset(string name) => Subsets.FirstOrDefault(s => s.Name == name);
}

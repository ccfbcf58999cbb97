using Switchyard.Model.Networking;

namespace Switchyard.Translation.Normalize;

/// <summary>A subset of the DestinationRule that applies, with the rule it was written in and its
/// index there (rules for one host may be merged, so subsets can come from several).</summary>
public sealed record AppliedSubset(Subset Subset, DestinationRule Owner, int Index)
{
    public string Name => Subset.Name ?? "";
}

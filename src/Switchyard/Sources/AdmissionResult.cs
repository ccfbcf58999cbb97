using Switchyard.Diagnostics;

namespace Switchyard.Sources;

/// <summary>
/// The outcome of one admission round: what is live, and what was turned away and why.
/// <see cref="Duplicates"/> are the definitions refused because an earlier one has the same
/// kind, namespace and name (their errors are in <see cref="Rejected"/>).
/// </summary>
internal sealed record AdmissionResult(
    IReadOnlyList<AdmittedResource> Admitted,
    IReadOnlyList<Diagnostic> Rejected,
    IReadOnlyList<Diagnostic> Warnings,
    IReadOnlyList<DuplicateDefinition> Duplicates)
{
    /// <summary>Same resources with the same content (order aside) as <paramref name="previous"/>.</summary>
    public bool SameAdmittedAs(IReadOnlyList<AdmittedResource>? previous)
    {
        if (previous is null || previous.Count != Admitted.Count) return false;
        var before = new Dictionary<Model.ResourceRef, string>(previous.Count);
        foreach (var a in previous) before[a.Key] = a.Fingerprint;
        foreach (var a in Admitted)
            if (!before.TryGetValue(a.Key, out var fingerprint) || fingerprint != a.Fingerprint) return false;
        return true;
    }
}

/// <summary>A definition refused because an earlier one has the same kind, namespace and name.</summary>
internal sealed record DuplicateDefinition(Model.Resource Resource, Diagnostic Error);

namespace Switchyard.Translation.Policies.Mirror;

/// <summary>
/// A rule's <c>mirror</c>/<c>mirrorPercentage</c> and <c>mirrors</c>, as Envoy's
/// request_mirror_policies: each target is drawn on its own, so one request may be copied to
/// several mirrors. Targets whose percentage is explicitly 0 are left out, as pilot does.
/// </summary>
public sealed record MirrorPolicy(IReadOnlyList<MirrorTarget> Targets)
{
    /// <summary>A rule's mirror share, as pilot's MirrorPercent: <c>mirrorPercentage</c>, else the
    /// deprecated integer <c>mirrorPercent</c>, else 100%. An explicit 0 means no mirroring.</summary>
    public static FractionPerMillion Share(Model.Networking.Percent? percentage, uint? legacyPercent) =>
        percentage is not null ? FractionPerMillion.FromPercent(percentage.Value ?? 0)
        : legacyPercent is { } p ? FractionPerMillion.FromPercent(p)
        : FractionPerMillion.All;
}

using Switchyard.Model.Networking;

namespace Switchyard.Validation;

/// <summary>
/// Istio's ServiceEntry rules (reference 5.4; <c>ValidateServiceEntry</c> in
/// pkg/config/validation/validation.go), in Istio's order. The pieces live in ServiceEntry/.
/// </summary>
public static class ServiceEntryValidator
{
    /// <summary>Opting a ServiceEntry out of Istio's automatic VIP allocation.</summary>
    public const string AutoAllocateLabel = "networking.istio.io/enable-autoallocate-ip";

    public static void Validate(ServiceEntry resource, ValidationContext ctx)
    {
        var spec = resource.Spec;

        // Istio returns at once when the selector itself is invalid: nothing else is reported.
        if (!ServiceEntrySelectorRules.Check(spec.WorkloadSelector, ctx)) return;

        // Endpoints are listed inline or selected by label, never both (the CRD says the same).
        if (spec.WorkloadSelector is not null && spec.Endpoints is { Count: > 0 })
            ctx.Error("spec.endpoints", "only one of WorkloadSelector or Endpoints is allowed in Service Entry",
                "list endpoints here, or select WorkloadEntries and Pods with workloadSelector, not both");

        ServiceEntryHostRules.CheckHosts(spec, ctx);
        ServiceEntryHostRules.CheckAddresses(spec, ctx);
        var servicePorts = ServicePortRules.Check(spec, ctx, IsAutoAllocated(resource));
        ServiceEntryResolutionRules.Check(resource, ctx, servicePorts);
        ExportToChecks.Check(ctx, spec.ExportTo, isServiceEntry: true);
    }

    /// <summary>
    /// Istio's <c>ShouldV2AutoAllocateIP</c> with its default (PILOT_ENABLE_IP_AUTOALLOCATE on):
    /// a VIP is allocated unless resolution is NONE, the user opted out, or set addresses.
    /// </summary>
    public static bool IsAutoAllocated(ServiceEntry se)
    {
        if ((se.Spec.Resolution ?? ServiceEntryResolution.NONE) == ServiceEntryResolution.NONE) return false;
        if (se.Metadata.Labels?.TryGetValue(AutoAllocateLabel, out var v) == true
            && string.Equals(v, "false", StringComparison.OrdinalIgnoreCase)) return false;
        return se.Spec.Addresses is not { Count: > 0 };
    }
}

using Switchyard.Model.Networking;
using Switchyard.Validation.DestinationRules;
using Switchyard.Validation.Rules;

namespace Switchyard.Validation;

/// <summary>
/// Istio's DestinationRule rules (reference section 5.3; istio/istio
/// <c>pkg/config/validation/validation.go</c> <c>ValidateDestinationRule</c>): host, service-wide
/// policy, subsets, exportTo and workload selector. The parts live in <c>DestinationRule/</c>.
/// </summary>
public static class DestinationRuleValidator
{
    public static void Validate(DestinationRule resource, ValidationContext ctx)
    {
        var spec = resource.Spec;

        // Istio checks the host with ValidateWildcardDomain, so `*` alone is accepted here.
        ctx.ErrorIf("spec.host", DnsNames.CheckWildcardDomain(spec.Host ?? ""));

        TrafficPolicyValidator.Validate(spec.TrafficPolicy, "spec.trafficPolicy", resource.Namespace, ctx);
        SubsetValidator.ValidateAll(spec.Subsets, resource.Namespace, ctx);
        // A rule with a workloadSelector only applies to workloads in its own namespace, so Istio
        // refuses to export it anywhere else.
        foreach (var message in ExportTo.CheckExportTo(spec.ExportTo, resource.Namespace, isServiceEntry: false,
                     isDestinationRuleWithSelector: spec.WorkloadSelector is not null))
            ctx.Error("spec.exportTo", message);
        WorkloadSelectorValidator.Validate(spec.WorkloadSelector, "spec.workloadSelector", ctx);
    }
}

using Switchyard.Model.Networking;

namespace Switchyard.Validation;

/// <summary>
/// Istio's WorkloadEntry rules (reference 5.4; <c>ValidateWorkloadEntry</c>): the same checks as an
/// inline ServiceEntry endpoint, without the port-name cross-check (no service to check against).
/// </summary>
public static class WorkloadEntryValidator
{
    public static void Validate(WorkloadEntry resource, ValidationContext ctx) =>
        WorkloadEntryRules.Check(resource.Spec, "spec", ctx, EndpointAddressRule.IpFqdnOrUnix, servicePorts: null);
}

using Switchyard.Model.Networking;

namespace Switchyard.Validation;

/// <summary>Istio's WorkloadEntry rules (reference section 5). Placeholder until written.</summary>
public static class WorkloadEntryValidator
{
    public static void Validate(WorkloadEntry resource, ValidationContext ctx)
    {
        _ = resource;
        _ = ctx;
    }
}

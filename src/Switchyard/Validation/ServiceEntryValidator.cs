using Switchyard.Model.Networking;

namespace Switchyard.Validation;

/// <summary>Istio's ServiceEntry rules (reference section 5). Placeholder until written.</summary>
public static class ServiceEntryValidator
{
    public static void Validate(ServiceEntry resource, ValidationContext ctx)
    {
        _ = resource;
        _ = ctx;
    }
}

using Switchyard.Model.Networking;

namespace Switchyard.Validation;

/// <summary>Istio's DestinationRule rules (reference section 5). Placeholder until written.</summary>
public static class DestinationRuleValidator
{
    public static void Validate(DestinationRule resource, ValidationContext ctx)
    {
        _ = resource;
        _ = ctx;
    }
}

using Switchyard.Model.Networking;

namespace Switchyard.Validation;

/// <summary>Istio's VirtualService rules (reference section 5). Placeholder until written.</summary>
public static class VirtualServiceValidator
{
    public static void Validate(VirtualService resource, ValidationContext ctx)
    {
        _ = resource;
        _ = ctx;
    }
}

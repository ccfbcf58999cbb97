using Switchyard.Diagnostics;
using Switchyard.Model;
using Switchyard.Model.Networking;

namespace Switchyard.Validation;

/// <summary>
/// Validates one resource alone, with the rules Istio's admission webhook and
/// <c>istioctl validate</c> apply. Kubernetes kinds are read, not validated.
/// </summary>
public static class ResourceValidator
{
    public static IReadOnlyList<Diagnostic> Validate(Resource resource)
    {
        var ctx = new ValidationContext(resource);
        switch (resource)
        {
            case VirtualService vs:
                MetadataValidator.Validate(ctx);
                VirtualServiceValidator.Validate(vs, ctx);
                break;
            case DestinationRule dr:
                MetadataValidator.Validate(ctx);
                DestinationRuleValidator.Validate(dr, ctx);
                break;
            case ServiceEntry se:
                MetadataValidator.Validate(ctx);
                ServiceEntryValidator.Validate(se, ctx);
                break;
            case WorkloadEntry we:
                MetadataValidator.Validate(ctx);
                WorkloadEntryValidator.Validate(we, ctx);
                break;
            case Gateway gw:
                MetadataValidator.Validate(ctx);
                GatewayValidator.Validate(gw, ctx);
                break;
        }
        return ctx.Diagnostics;
    }

    public static List<Diagnostic> ValidateAll(IEnumerable<Resource> resources)
    {
        var all = new List<Diagnostic>();
        foreach (var r in resources) all.AddRange(Validate(r));
        return all;
    }
}

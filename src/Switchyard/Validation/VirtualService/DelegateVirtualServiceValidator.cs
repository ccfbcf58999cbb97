using Switchyard.Model.Networking;

namespace Switchyard.Validation.VirtualServices;

// The folder is VirtualService/, but the namespace is plural so that it does not hide the
// VirtualService resource type inside Switchyard.Validation.

/// <summary>
/// What a delegate VirtualService (one with no hosts) may not have: it is reached only through
/// a root VirtualService's <c>delegate</c>, so gateways, tls and tcp would never apply
/// (Istio's ValidateVirtualService, "This must be delegate").
/// </summary>
internal static class DelegateVirtualServiceValidator
{
    private const string Hint = "a VirtualService without hosts is a delegate; add hosts if it is meant to stand alone";

    public static void Validate(VirtualServiceSpec spec, ValidationContext ctx)
    {
        if (spec.Gateways is { Count: > 0 })
            ctx.Error("spec.gateways", "delegate virtual service must have no gateways specified", Hint);
        if (spec.Tls is { Count: > 0 })
            ctx.Error("spec.tls", "delegate virtual service must have no tls route specified", Hint);
        if (spec.Tcp is { Count: > 0 })
            ctx.Error("spec.tcp", "delegate virtual service must have no tcp route specified", Hint);
    }
}

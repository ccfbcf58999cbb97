using Switchyard.Model.Networking;
using Switchyard.Validation.Rules;
using Switchyard.Validation.VirtualServices;

namespace Switchyard.Validation;

/// <summary>
/// Istio's VirtualService rules (reference section 5.2), in the order of Istio's
/// <c>ValidateVirtualService</c> (pkg/config/validation/validation.go). Each part lives in its own
/// file under VirtualService/; this file only decides what applies to the resource as a whole.
/// The reachability findings (IST0130/IST0131) are analysis, not validation, and live elsewhere.
/// </summary>
public static class VirtualServiceValidator
{
    public static void Validate(VirtualService resource, ValidationContext ctx)
    {
        var spec = resource.Spec;
        // A VirtualService without hosts can only be used as a delegate of another one.
        var isDelegate = Count(spec.Hosts) == 0;
        if (isDelegate) DelegateVirtualServiceValidator.Validate(spec, ctx);

        var appliesToGateway = false;
        if (Count(spec.Gateways) > 0)
        {
            GatewayNamesValidator.Validate(spec.Gateways, "spec.gateways", ctx);
            // Istio's isGateway: bound to gateways only when "mesh" is not among them.
            appliesToGateway = !spec.Gateways!.Contains(GatewayNamesValidator.MeshGateway);
        }
        if (!appliesToGateway) JwtClaimRoutesValidator.Validate(spec, ctx);

        HostsValidator.Validate(spec, appliesToMesh: !appliesToGateway, ctx);

        if (Count(spec.Http) == 0 && Count(spec.Tcp) == 0 && Count(spec.Tls) == 0)
            ctx.Error("spec", "http, tcp or tls must be provided in virtual service",
                "add at least one http, tcp or tls route");

        for (var i = 0; i < Count(spec.Http); i++)
        {
            var path = $"spec.http[{i}]";
            var route = spec.Http![i];
            if (route is null) ctx.Error(path, "http route may not be null");
            else HttpRouteValidator.Validate(route, path, isDelegate, ctx);
        }
        for (var i = 0; i < Count(spec.Tls); i++)
            TlsRouteValidator.Validate(spec.Tls![i], $"spec.tls[{i}]", spec, ctx);
        for (var i = 0; i < Count(spec.Tcp); i++)
            TcpRouteValidator.Validate(spec.Tcp![i], $"spec.tcp[{i}]", ctx);

        if (spec.ExportTo is { } exportTo)
            foreach (var message in ExportTo.CheckExportTo(exportTo, resource.Namespace, false))
                ctx.Error("spec.exportTo", message);
    }

    private static int Count<T>(IReadOnlyList<T>? list) => list?.Count ?? 0;
}

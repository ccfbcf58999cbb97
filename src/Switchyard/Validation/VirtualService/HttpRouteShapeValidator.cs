using Switchyard.Model.Networking;

namespace Switchyard.Validation.VirtualServices;

/// <summary>
/// Which actions an HTTP rule may combine: exactly one of route, redirect, directResponse (or
/// delegate in a root VirtualService), no fault or rewrite beside a redirect or direct response,
/// not both mirror and mirrors. Istio's validateHTTPRouteConflict.
/// </summary>
internal static class HttpRouteShapeValidator
{
    public static void Validate(HTTPRoute route, string path, bool inDelegateVirtualService, ValidationContext ctx)
    {
        var hasRoute = route.Route is { Count: > 0 };
        if (!inDelegateVirtualService && route.Delegate is not null)
        {
            // A root rule hands the request to its delegate; it may not also act on it.
            var name = string.IsNullOrEmpty(route.Name) ? "" : route.Name + " ";
            if (route.Redirect is not null)
                ctx.Error(path + ".redirect", $"root HTTP route {name}must not specify redirect",
                    "a rule with delegate takes its actions from the delegate VirtualService");
            if (route.Route is not null)
                ctx.Error(path + ".route", $"root HTTP route {name}must not specify route",
                    "a rule with delegate takes its actions from the delegate VirtualService");
            return;
        }

        if (inDelegateVirtualService && route.Delegate is not null)
            ctx.Error(path + ".delegate", "delegate HTTP route cannot contain delegate",
                "delegation is one level deep: route, redirect or directResponse here instead");

        if (route.Redirect is not null)
        {
            if (hasRoute) ctx.Error(path + ".route", "HTTP route cannot contain both route and redirect");
            if (route.Fault is not null) ctx.Error(path + ".fault", "HTTP route cannot contain both fault and redirect");
            if (route.Rewrite is not null) ctx.Error(path + ".rewrite", "HTTP route rule cannot contain both rewrite and redirect");
            if (route.DirectResponse is not null)
                ctx.Error(path + ".directResponse", "HTTP route rule cannot contain both direct_response and redirect");
        }
        else if (route.DirectResponse is not null)
        {
            if (hasRoute) ctx.Error(path + ".route", "HTTP route cannot contain both route and direct_response");
            if (route.Fault is not null) ctx.Error(path + ".fault", "HTTP route cannot contain both fault and direct_response");
            if (route.Rewrite is not null) ctx.Error(path + ".rewrite", "HTTP route rule cannot contain both rewrite and direct_response");
        }
        else if (!hasRoute)
        {
            ctx.Error(path, "HTTP route, redirect or direct_response is required",
                "add route (with at least one destination), redirect or directResponse");
        }

        if (route.Mirror is not null && route.Mirrors is { Count: > 0 })
            ctx.Error(path + ".mirrors", "HTTP route cannot contain both mirror and mirrors",
                "move the mirror destination into mirrors");
    }
}

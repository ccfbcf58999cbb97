using Switchyard.Model.Networking;
using Switchyard.Validation.Rules;

namespace Switchyard.Validation.VirtualServices;

/// <summary>
/// One <c>spec.http[i]</c> rule: its shape, matches, header edits and every policy it carries,
/// in the order of Istio's validateHTTPRoute (pkg/config/validation/virtualservice.go).
/// </summary>
internal static class HttpRouteValidator
{
    public static void Validate(HTTPRoute route, string path, bool inDelegateVirtualService, ValidationContext ctx)
    {
        HttpRouteShapeValidator.Validate(route, path, inDelegateVirtualService, ctx);
        HttpMatchValidator.Validate(route.Match, path + ".match", ctx);
        HeadersValidator.Validate(route.Headers, path + ".headers", ctx);
        CorsValidator.Validate(route.CorsPolicy, path + ".corsPolicy", ctx);
        FaultValidator.Validate(route.Fault, path + ".fault", ctx);
        MirrorValidator.Validate(route, path, ctx);
        RedirectValidator.Validate(route.Redirect, route.Match, path, ctx);
        DirectResponseValidator.Validate(route.DirectResponse, path + ".directResponse", ctx);
        RetriesValidator.Validate(route.Retries, path + ".retries", ctx);
        RewriteValidator.Validate(route.Rewrite, path + ".rewrite", ctx);
        AuthorityRewriteValidator.Validate(route.Rewrite, route.Headers, path, ctx);
        RouteDestinationsValidator.ValidateHttp(route.Route, path + ".route", ctx);
        if (route.Timeout is { } timeout) ctx.ErrorIf(path + ".timeout", Durations.CheckDuration(timeout));
    }
}

using Microsoft.AspNetCore.Http;
using Switchyard.Proxy.Pipeline;
using Switchyard.Translation.Policies.Rewrite;
using Switchyard.Translation.Routes;
using Yarp.ReverseProxy.Forwarder;

namespace Switchyard.Proxy.Rewrite;

/// <summary>
/// Rewrites the upstream request as Envoy's RouteEntry finalizeRequestHeaders does: the host
/// (host_rewrite_literal, no x-forwarded-host: Istio leaves append_x_forwarded_host off), then the
/// path (prefix_rewrite or regex_rewrite on the path without its query, which is kept), recording
/// the original in <c>x-envoy-original-path</c> (Istio does not suppress Envoy's headers).
/// </summary>
public static class RewriteStep
{
    public const string OriginalPathHeader = "x-envoy-original-path";

    public static void Apply(ProxyContext ctx, RewritePolicy policy, HttpRequestMessage proxyRequest, string destinationPrefix)
    {
        if (policy.Authority is { } authority) proxyRequest.Headers.Host = authority;
        if (!policy.RewritesPath) return;

        var request = ctx.Http.Request;
        var path = ctx.View.Path;
        // The route lookup already found which match entry held; the matcher does not run again.
        var rewritten = policy.RewritePath(path, policy.NeedsMatchIndex ? ctx.MatchIndex : RouteMatcher.MatchedByDefault);
        if (rewritten is null) return;

        proxyRequest.Headers.Remove(OriginalPathHeader);
        proxyRequest.Headers.TryAddWithoutValidation(OriginalPathHeader, ctx.View.PathAndQuery);
        proxyRequest.RequestUri = RequestUtilities.MakeDestinationAddress(destinationPrefix, new PathString(EnsureRooted(rewritten)), request.QueryString);
    }

    // Envoy would send a path that does not start with "/" as is; a URI cannot carry it, so root it.
    private static string EnsureRooted(string path) => path.StartsWith('/') ? path : "/" + path;
}

using Switchyard.Model.Networking;
using Switchyard.Validation.Rules;

namespace Switchyard.Validation.VirtualServices;

/// <summary>
/// <c>redirect</c>: something to change (uri, prefixRewrite, authority, port or derivePort,
/// scheme), a 3xx code, an http/https scheme, a real port; prefixRewrite only where every URI
/// match is a prefix match, since it replaces "the matched prefix" (Istio's validateHTTPRedirect).
/// Istio stops at the first problem; we report each, which accepts and rejects the same files.
/// </summary>
internal static class RedirectValidator
{
    public static void Validate(HTTPRedirect? redirect, IReadOnlyList<HTTPMatchRequest?>? matches, string routePath, ValidationContext ctx)
    {
        if (redirect is null) return;
        var path = routePath + ".redirect";
        var hasUri = !string.IsNullOrEmpty(redirect.Uri);
        var hasPrefixRewrite = !string.IsNullOrEmpty(redirect.PrefixRewrite);
        // port and derivePort are a oneof: either one being present counts, even port: 0.
        var hasPort = redirect.Port is not null || redirect.DerivePort is not null;

        if (!hasUri && !hasPrefixRewrite && string.IsNullOrEmpty(redirect.Authority) && !hasPort
            && string.IsNullOrEmpty(redirect.Scheme))
            ctx.Error(path, "redirect must specify URI, prefixRewrite, authority, scheme, or port",
                "set at least one of uri, prefixRewrite, authority, scheme, port or derivePort");

        if (hasUri && hasPrefixRewrite)
            ctx.Error(path + ".prefixRewrite", "redirect may only contain one of URI or prefixRewrite",
                "uri replaces the whole path, prefixRewrite only the matched prefix: keep one");

        if (hasPrefixRewrite) CheckPrefixMatches(matches, routePath, ctx);

        if (redirect.RedirectCode is { } code and not 0 && code is < 300 or > 399)
            ctx.Error(path + ".redirectCode", $"{code} is not a valid redirect code, must be 3xx",
                "use 301, 302, 303, 307 or 308");

        if (!string.IsNullOrEmpty(redirect.Scheme) && redirect.Scheme is not ("http" or "https"))
            ctx.Error(path + ".scheme", "invalid redirect scheme, must be \"http\" or \"https\"");

        if (redirect.Port is { } port and > 0) ctx.ErrorIf(path + ".port", Ports.CheckPort(port));
    }

    private static void CheckPrefixMatches(IReadOnlyList<HTTPMatchRequest?>? matches, string routePath, ValidationContext ctx)
    {
        for (var i = 0; i < (matches?.Count ?? 0); i++)
        {
            var uri = matches![i]?.Uri;
            if (uri is null || uri.Prefix is not null) continue;
            var kind = uri.Exact is not null ? "exact" : uri.Regex is not null ? "regex" : "no";
            ctx.Error($"{routePath}.match[{i}].uri",
                $"redirect prefixRewrite requires every uri match to be a prefix match, but this one uses {kind} match",
                "use uri.prefix in this match, or redirect.uri to replace the whole path");
        }
    }
}

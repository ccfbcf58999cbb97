using Switchyard.Model.Networking;
using Switchyard.Validation.Rules;

namespace Switchyard.Validation.VirtualServices;

/// <summary>
/// <c>corsPolicy</c>: origins as non-empty StringMatches, methods Go knows, header names as
/// tokens, maxAge in whole seconds (Access-Control-Max-Age has no fractions). Istio's
/// validateCORSPolicy.
/// </summary>
internal static class CorsValidator
{
    public static void Validate(CorsPolicy? policy, string path, ValidationContext ctx)
    {
        if (policy is null) return;
        for (var i = 0; i < (policy.AllowOrigins?.Count ?? 0); i++)
            ValidateOrigin(policy.AllowOrigins![i], $"{path}.allowOrigins[{i}]", ctx);
        for (var i = 0; i < (policy.AllowMethods?.Count ?? 0); i++)
        {
            ctx.ErrorIf($"{path}.allowMethods[{i}]", CorsRules.CheckAllowMethod(policy.AllowMethods![i]),
                "use one of " + string.Join(", ", CorsRules.AllowedMethods));
        }
        for (var i = 0; i < (policy.AllowHeaders?.Count ?? 0); i++)
            ctx.ErrorIf($"{path}.allowHeaders[{i}]", CorsRules.CheckCorsHeaderName(policy.AllowHeaders![i]));
        for (var i = 0; i < (policy.ExposeHeaders?.Count ?? 0); i++)
            ctx.ErrorIf($"{path}.exposeHeaders[{i}]", CorsRules.CheckCorsHeaderName(policy.ExposeHeaders![i]));
        if (policy.MaxAge is { } maxAge)
        {
            ctx.ErrorIf(path + ".maxAge", Durations.CheckDuration(maxAge));
            ctx.ErrorIf(path + ".maxAge", Durations.CheckWholeSeconds(maxAge));
        }
    }

    private static void ValidateOrigin(StringMatch? origin, string path, ValidationContext ctx)
    {
        // Istio would dereference a null entry; we say so instead.
        if (origin is null)
        {
            ctx.Error(path, "allowOrigins entry may not be null", "write exact, prefix or regex");
            return;
        }
        var value = origin.Exact ?? origin.Prefix ?? origin.Regex ?? "";
        if (value.Length == 0)
        {
            ctx.Error(path, $"'{value}' is not a valid match type for CORS allow origins",
                "set exact, prefix or regex to a non-empty value");
            return;
        }
        StringMatchValidator.ValidateRegexMatch(origin, path, "corsPolicy.allowOrigins", ctx);
    }
}

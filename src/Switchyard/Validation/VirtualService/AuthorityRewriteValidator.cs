using Switchyard.Model.Networking;
using Switchyard.Validation.Rules;

namespace Switchyard.Validation.VirtualServices;

/// <summary>
/// The authority may be rewritten in one place only: <c>rewrite.authority</c>, or a request
/// header edit of <c>:authority</c>/<c>host</c>, never two of them (Istio's validateAuthorityRewrite;
/// Envoy would apply them in an order the user cannot see).
/// </summary>
internal static class AuthorityRewriteValidator
{
    public static void Validate(HTTPRewrite? rewrite, Headers? headers, string routePath, ValidationContext ctx)
    {
        var current = rewrite?.Authority ?? "";
        var request = headers?.Request;
        if (!Check(request?.Set, routePath + ".headers.request.set", ref current, ctx)) return;
        Check(request?.Add, routePath + ".headers.request.add", ref current, ctx);
    }

    /// <summary>False once a second authority was found (Istio stops at the first).</summary>
    private static bool Check(IReadOnlyDictionary<string, string>? edits, string path, ref string current, ValidationContext ctx)
    {
        if (edits is null) return true;
        foreach (var (name, value) in edits)
        {
            if (!HeaderOperationsRules.IsAuthorityHeader(name)) continue;
            if (current.Length > 0)
            {
                ctx.Error($"{path}.{name}",
                    $"authority header cannot be set multiple times: have {GoText.Quote(current)}, attempting to set {GoText.Quote(value)}",
                    "keep one of rewrite.authority, :authority and host");
                return false;
            }
            current = value;
        }
        return true;
    }
}

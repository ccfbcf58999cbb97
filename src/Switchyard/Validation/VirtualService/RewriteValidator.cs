using Switchyard.Model.Networking;

namespace Switchyard.Validation.VirtualServices;

/// <summary>
/// <c>rewrite</c>: one of uri and uriRegexRewrite, at least one of them or authority, and a
/// regex rewrite with both a valid RE2 match and a rewrite. Istio's validateHTTPRewrite, which
/// stops at the first problem.
/// </summary>
internal static class RewriteValidator
{
    public static void Validate(HTTPRewrite? rewrite, string path, ValidationContext ctx)
    {
        if (rewrite is null) return;
        var hasUri = !string.IsNullOrEmpty(rewrite.Uri);
        if (hasUri && rewrite.UriRegexRewrite is not null)
        {
            ctx.Error(path + ".uriRegexRewrite", "rewrite may only contain one of URI or UriRegexRewrite", "keep uri or uriRegexRewrite");
            return;
        }
        if (!hasUri && rewrite.UriRegexRewrite is null && string.IsNullOrEmpty(rewrite.Authority))
        {
            ctx.Error(path,
                "rewrite must specify at least one of URI, UriRegexRewrite, or authority. Only one of URI or UriRegexRewrite may be specified");
            return;
        }
        if (rewrite.UriRegexRewrite is { } regexRewrite)
        {
            var p = path + ".uriRegexRewrite";
            if (string.IsNullOrEmpty(regexRewrite.Match) || string.IsNullOrEmpty(regexRewrite.Rewrite))
            {
                ctx.Error(p, "UriRegexRewrite has errors: UriRegexRewrite requires both Rewrite and Match fields to be specified");
                return;
            }
            StringMatchValidator.ValidateRegex(regexRewrite.Match, p + ".match", "HTTPRewrite.UriRegexRewrite.Match", ctx);
        }
    }
}

using Switchyard.Model.Networking;
using Switchyard.Validation.Rules;

namespace Switchyard.Validation.VirtualServices;

/// <summary>
/// The <c>match</c> list of an HTTP rule: header names and values, URI, scheme, method,
/// authority and query parameter matches, port, source selectors and gateways. Istio's
/// validateHTTPRouteMatchRequest.
/// </summary>
internal static class HttpMatchValidator
{
    public static void Validate(IReadOnlyList<HTTPMatchRequest?>? matches, string listPath, ValidationContext ctx)
    {
        if (matches is null) return;
        for (var i = 0; i < matches.Count; i++)
        {
            // Istio skips null match entries without a word.
            if (matches[i] is { } match) ValidateOne(match, $"{listPath}[{i}]", ctx);
        }
    }

    private static void ValidateOne(HTTPMatchRequest match, string path, ValidationContext ctx)
    {
        if (match.Headers is { } headers)
        {
            foreach (var (name, value) in headers)
            {
                var entry = $"{path}.headers.{name}";
                if (value is null)
                    ctx.Error(entry, $"header match {name} cannot be null",
                        "use {} to match on the header being present");
                ctx.ErrorIf(entry, HeaderNames.CheckHeaderMatchName(name));
                StringMatchValidator.Validate(value, entry, "headers", ctx);
            }
        }
        if (match.WithoutHeaders is { } withoutHeaders)
        {
            foreach (var (name, value) in withoutHeaders)
            {
                var entry = $"{path}.withoutHeaders.{name}";
                ctx.ErrorIf(entry, HeaderNames.CheckHeaderMatchName(name));
                // Here `*` is not RE2: Istio turns it into a presence match.
                if (value is not null && value.Regex != "*")
                    StringMatchValidator.Validate(value, entry, "withoutHeaders", ctx);
            }
        }

        // Envoy allows an empty URI prefix (match everything), but not an empty prefix for
        // scheme, method or authority.
        StringMatchValidator.ValidateRegexMatch(match.Uri, path + ".uri", "uri", ctx);
        StringMatchValidator.Validate(match.Scheme, path + ".scheme", "scheme", ctx);
        StringMatchValidator.Validate(match.Method, path + ".method", "method", ctx);
        StringMatchValidator.Validate(match.Authority, path + ".authority", "authority", ctx);
        if (match.QueryParams is { } queryParams)
            foreach (var (name, value) in queryParams)
                StringMatchValidator.Validate(value, $"{path}.queryParams.{name}", "queryParams", ctx);

        // Port 0 is proto3's "unset".
        if (match.Port is { } port and not 0) ctx.ErrorIf(path + ".port", Ports.CheckPort(port));
        SelectorValidator.ValidateSourceLabels(match.SourceLabels, path + ".sourceLabels", ctx);
        GatewayNamesValidator.Validate(match.Gateways, path + ".gateways", ctx);
        if (!string.IsNullOrEmpty(match.SourceNamespace) && !DnsNames.IsDns1123Label(match.SourceNamespace))
            ctx.Error(path + ".sourceNamespace", $"sourceNamespace match {match.SourceNamespace} is invalid",
                "a namespace name: letters, digits and '-', at most 63 characters");
    }
}

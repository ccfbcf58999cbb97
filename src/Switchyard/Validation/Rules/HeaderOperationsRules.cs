namespace Switchyard.Validation.Rules;

/// <summary>
/// Header edits (<c>headers.request/response.set/add/remove</c>) as Istio checks them:
/// <c>ValidateHTTPHeaderWithAuthorityOperationName</c>, <c>ValidateHTTPHeaderOperationName</c> and
/// <c>ValidateHTTPHeaderValue</c> (pkg/config/validation).
/// </summary>
public static class HeaderOperationsRules
{
    /// <summary>
    /// Request <c>set</c>/<c>add</c>: no <c>:</c>-prefixed name except <c>:authority</c>; <c>host</c> is allowed
    /// (both rewrite the authority, which is checked elsewhere).
    /// </summary>
    public static string? CheckRequestHeaderSetOrAdd(string name)
    {
        if (name.Length == 0) return "header name cannot be empty";
        if (IsInternalHeader(name) && !IsAuthorityHeader(name))
            return $"invalid header {GoText.Quote(name)}: header cannot have \":\" prefix";
        return null;
    }

    /// <summary>Request <c>remove</c>: may not touch <c>host</c> or any <c>:</c> pseudo-header.</summary>
    public static string? CheckRequestHeaderRemove(string name) => CheckOperationName(name);

    /// <summary>Every response edit: may not touch <c>host</c> or any <c>:</c> pseudo-header.</summary>
    public static string? CheckResponseHeader(string name) => CheckOperationName(name);

    /// <summary>
    /// No control characters except tab, and every <c>%</c> opens an Envoy <c>%VAR%</c> /
    /// <c>%VAR(...)%</c> expression or is escaped as <c>%%</c>.
    /// </summary>
    public static string? CheckHeaderValue(string value)
    {
        foreach (var c in value)
            if (c is (<= '\u0008') or (>= '\u000A' and <= '\u001F') or '\u007F')
                return $"header value configuration {value} is invalid";
        return EnvoyHeaderFormat.Check(value) is { } error ? "header value configuration: " + error : null;
    }

    /// <summary>Istio's <c>isAuthorityHeader</c>: <c>:authority</c> or <c>host</c>, any case.</summary>
    public static bool IsAuthorityHeader(string name) =>
        name.Equals(":authority", StringComparison.OrdinalIgnoreCase) || name.Equals("host", StringComparison.OrdinalIgnoreCase);

    private static bool IsInternalHeader(string name) =>
        name.StartsWith(':') || name.Equals("host", StringComparison.OrdinalIgnoreCase);

    private static string? CheckOperationName(string name)
    {
        if (name.Length == 0) return "header name cannot be empty";
        if (name.Equals("host", StringComparison.OrdinalIgnoreCase))
            return $"invalid header {GoText.Quote(name)}: cannot set Host header";
        if (name.StartsWith(':')) return $"invalid header {GoText.Quote(name)}: header cannot have \":\" prefix";
        return null;
    }
}

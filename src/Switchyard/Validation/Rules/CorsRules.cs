namespace Switchyard.Validation.Rules;

/// <summary>CORS policy names as Istio's <c>validateCORSPolicy</c> checks them.</summary>
public static class CorsRules
{
    /// <summary>Go's net/http method constants, plus <c>*</c>; case-sensitive like Istio's set lookup.</summary>
    public static IReadOnlyList<string> AllowedMethods { get; } =
        ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "CONNECT", "OPTIONS", "TRACE", "*"];

    public static bool IsAllowedMethod(string method)
    {
        foreach (var m in AllowedMethods)
            if (string.Equals(m, method, StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>Istio's <c>validateHTTPMethod</c> message for allowMethods.</summary>
    public static string? CheckAllowMethod(string method) =>
        IsAllowedMethod(method) ? null : $"{GoText.Quote(method)} is not a supported HTTP method";

    /// <summary>allowHeaders / exposeHeaders: a token, or <c>*</c> (Istio's <c>ValidateCORSHTTPHeaderName</c>).</summary>
    public static string? CheckCorsHeaderName(string name)
    {
        if (name.Length == 0) return "header name cannot be empty";
        if (name == "*" || HeaderNames.IsToken(name)) return null;
        return $"header name {name} is not a valid header name";
    }
}

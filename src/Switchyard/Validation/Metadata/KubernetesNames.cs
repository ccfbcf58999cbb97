namespace Switchyard.Validation;

/// <summary>
/// The API server's object-name rules (k8s.io/apimachinery validation: <c>IsDNS1123Subdomain</c>,
/// <c>IsDNS1123Label</c>). Stricter than Istio's own label check: lower case only.
/// </summary>
public static class KubernetesNames
{
    public const int MaxSubdomainLength = 253;
    public const int MaxLabelLength = 63;

    /// <summary>metadata.name of most kinds: dot-separated lower-case labels, at most 253 chars.</summary>
    public static string? CheckSubdomain(string value)
    {
        if (value.Length > MaxSubdomainLength) return $"must be no more than {MaxSubdomainLength} characters";
        foreach (var label in value.Split('.'))
            if (!IsLabelBody(label))
                return "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', "
                    + "and must start and end with an alphanumeric character (e.g. 'example.com')";
        return null;
    }

    /// <summary>metadata.namespace: one lower-case label, at most 63 chars.</summary>
    public static string? CheckLabel(string value)
    {
        if (value.Length > MaxLabelLength) return $"must be no more than {MaxLabelLength} characters";
        return IsLabelBody(value)
            ? null
            : "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', "
                + "and must start and end with an alphanumeric character (e.g. 'my-name')";
    }

    private static bool IsLabelBody(string s)
    {
        if (s.Length == 0 || !IsLowerAlnum(s[0]) || !IsLowerAlnum(s[^1])) return false;
        foreach (var c in s)
            if (!IsLowerAlnum(c) && c != '-') return false;
        return true;
    }

    private static bool IsLowerAlnum(char c) => char.IsAsciiDigit(c) || char.IsAsciiLetterLower(c);
}

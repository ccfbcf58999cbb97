using System.Text;

namespace Switchyard.Validation.Rules;

/// <summary>
/// Host and label checks as Istio's validator does them: <c>ValidateWildcardDomain</c> and
/// <c>ValidateFQDN</c> (pkg/config/validation/agent) and <c>labels.IsDNS1123Label</c>
/// (pkg/config/labels). Istio's label pattern is <c>[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?</c>:
/// unlike Kubernetes it accepts upper case, so a subset named <c>V1</c> passes Istio and passes here.
/// </summary>
public static class DnsNames
{
    public const int MaxLabelLength = 63;
    public const int MaxDomainLength = 255;

    /// <summary>Istio's <c>labels.IsDNS1123Label</c>: at most 63 chars of letters, digits and inner dashes.</summary>
    public static bool IsDns1123Label(string value) =>
        value.Length <= MaxLabelLength && IsLabelBody(value.AsSpan());

    /// <summary>Null for a DNS-1123 label; callers put the message under their field's own wording.</summary>
    public static string? CheckDns1123Label(string value) =>
        IsDns1123Label(value) ? null : $"{GoText.Quote(value)} is not a valid DNS-1123 label";

    /// <summary>Istio's <c>validateSubsetName</c> (DestinationRule subsets and Destination.subset).</summary>
    public static string? CheckSubsetName(string name) =>
        name.Length == 0 ? "subset name cannot be empty"
        : IsDns1123Label(name) ? null
        : $"subset name is invalid: {name}";

    /// <summary>Istio's <c>labels.IsWildcardDNS1123Label</c>: <c>*</c>, <c>*foo</c>, <c>*-foo</c> or a label.</summary>
    public static bool IsWildcardDns1123Label(string value)
    {
        if (value.Length > MaxLabelLength) return false;
        var s = value.AsSpan();
        if (s.Length > 0 && s[0] == '*')
        {
            var rest = s[1..];
            if (rest.Length == 0 || IsLabelBody(rest)) return true;
            return rest[0] == '-' && IsLabelBody(rest[1..]);
        }
        return IsLabelBody(s);
    }

    /// <summary>Istio's <c>host.Name.IsWildCarded</c>: the name starts with <c>*</c>.</summary>
    public static bool IsWildcard(string host) => host.Length > 0 && host[0] == '*';

    /// <summary>
    /// Istio's <c>ValidateWildcardDomain</c>. Quirks kept: a single-label name skips the numeric-TLD
    /// test (<c>123</c> passes), and errors about the labels after the first name only that remainder
    /// (<c>*.123</c> reports <c>domain name "123"</c>), as Istio's do.
    /// </summary>
    public static string? CheckWildcardDomain(string domain)
    {
        var error = CheckPreconditions(domain);
        if (error is not null) return error;
        var dot = domain.IndexOf('.');
        var first = dot < 0 ? domain : domain[..dot];
        if (!IsWildcardDns1123Label(first))
            return $"domain name {GoText.Quote(domain)} invalid (label {GoText.Quote(first)} invalid)";
        return dot < 0 ? null : CheckLabels(domain[(dot + 1)..]);
    }

    /// <summary>Istio's <c>ValidateFQDN</c>: every label DNS-1123, TLD not numeric, trailing dot allowed.</summary>
    public static string? CheckFqdn(string fqdn) => CheckPreconditions(fqdn) ?? CheckLabels(fqdn);

    // Istio's CheckDNS1123Preconditions; Go's len() counts UTF-8 bytes.
    private static string? CheckPreconditions(string name)
    {
        if (name.Length > MaxDomainLength / 3 && Encoding.UTF8.GetByteCount(name) > MaxDomainLength)
            return $"domain name {GoText.Quote(name)} too long (max 255)";
        return name.Length == 0 ? "empty domain name not allowed" : null;
    }

    // Istio's ValidateDNS1123Labels. The TLD test is Go's strconv.Atoi, so "+1" and "-1" count as numeric
    // while a number too large for int64 does not.
    private static string? CheckLabels(string domain)
    {
        var lastDot = domain.LastIndexOf('.');
        var tld = domain[(lastDot + 1)..];
        if (GoText.TryAtoi(tld, out _))
            return $"domain name {GoText.Quote(domain)} invalid (top level domain {GoText.Quote(tld)} cannot be all-numeric)";
        var start = 0;
        while (true)
        {
            var end = domain.IndexOf('.', start);
            var label = end < 0 ? domain[start..] : domain[start..end];
            if (end < 0 && label.Length == 0) return null; // "istio.io." is unambiguous, and fine
            if (!IsDns1123Label(label))
                return $"domain name {GoText.Quote(domain)} invalid (label {GoText.Quote(label)} invalid)";
            if (end < 0) return null;
            start = end + 1;
        }
    }

    /// <summary>The label pattern without its length cap (the DNS prefix of a label key has none).</summary>
    internal static bool IsLabelBody(ReadOnlySpan<char> s)
    {
        if (s.Length == 0 || !char.IsAsciiLetterOrDigit(s[0]) || !char.IsAsciiLetterOrDigit(s[^1])) return false;
        foreach (var c in s)
            if (!char.IsAsciiLetterOrDigit(c) && c != '-') return false;
        return true;
    }
}

namespace Switchyard.Validation.Rules;

/// <summary>
/// Istio's <c>validateExportTo</c> (pkg/config/validation) with <c>visibility.Instance.Validate</c>:
/// entries are <c>.</c>, <c>*</c>, a namespace name (DNS-1123 label) or, for a ServiceEntry only, <c>~</c>.
/// </summary>
public static class ExportTo
{
    public const string Private = ".";
    public const string Public = "*";
    public const string None = "~";

    /// <summary>Every problem, in Istio's order; empty when valid.</summary>
    public static IReadOnlyList<string> CheckExportTo(
        IReadOnlyList<string>? exportTo, string resourceNamespace, bool isServiceEntry) =>
        CheckExportTo(exportTo, resourceNamespace, isServiceEntry, isDestinationRuleWithSelector: false);

    /// <summary>
    /// As above; a DestinationRule with a workloadSelector may only export to its own namespace, once.
    /// Quirks kept: <c>.</c> is checked as the namespace's own name, and <c>*</c> or <c>~</c> with another
    /// entry is judged on the raw list length, so <c>[*, *]</c> reports both the duplicate and the mix.
    /// </summary>
    public static IReadOnlyList<string> CheckExportTo(
        IReadOnlyList<string>? exportTo, string resourceNamespace, bool isServiceEntry, bool isDestinationRuleWithSelector)
    {
        if (exportTo is null || exportTo.Count == 0) return [];
        List<string>? errors = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in exportTo)
        {
            // "." stands for the own namespace, so ". + own name" is a duplicate.
            var key = entry == Private ? resourceNamespace : entry;
            if (seen.Contains(key))
            {
                (errors ??= []).Add(key != entry
                    ? $"duplicate entries in exportTo: . and current namespace {resourceNamespace}"
                    : $"duplicate entries in exportTo for entry {entry}");
            }
            else if (isServiceEntry && entry == None)
            {
                seen.Add(key);
            }
            else if (CheckEntry(key) is { } error)
            {
                (errors ??= []).Add(error);
            }
            else
            {
                seen.Add(key);
            }
        }

        if (isDestinationRuleWithSelector && seen.Count > 0)
        {
            if (!seen.Contains(resourceNamespace))
                (errors ??= []).Add("destination rule with workload selector cannot have exportTo beyond current namespace");
            else if (seen.Count > 1)
                (errors ??= []).Add("destination rule with workload selector cannot have multiple entries in exportTo");
        }
        if (seen.Contains(Public) && exportTo.Count > 1)
            (errors ??= []).Add("cannot have both public (*) and non-public exportTo values for a resource");
        if (seen.Contains(None) && exportTo.Count > 1)
            (errors ??= []).Add("cannot export service entry to no one (~) and someone");
        return errors ?? (IReadOnlyList<string>)[];
    }

    // visibility.Instance.Validate
    private static string? CheckEntry(string value) => value switch
    {
        Private or Public => null,
        None => "exportTo ~ (none) is not allowed for Istio configuration objects",
        _ when DnsNames.IsDns1123Label(value) => null,
        _ => "only .,*,~, or a valid DNS 1123 label is allowed as exportTo entry",
    };
}

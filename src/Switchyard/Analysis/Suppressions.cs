using System.Text.RegularExpressions;
using Switchyard.Diagnostics;
using Switchyard.Model;

namespace Switchyard.Analysis;

/// <summary>
/// istioctl's two ways to silence a message: <c>-S "IST0101=VirtualService name.ns"</c> (globs
/// allowed on both sides) and the resource annotation <c>galley.istio.io/analyze-suppress</c>
/// (a comma list of codes, or <c>*</c>).
/// </summary>
public sealed class Suppressions
{
    public const string Annotation = "galley.istio.io/analyze-suppress";

    private readonly List<(Regex Code, Regex Resource)> _rules = new();

    private Suppressions() { }

    /// <summary>Parses the -S entries; returns an error message for a malformed one.</summary>
    public static Suppressions Parse(IEnumerable<string> entries, out string? error)
    {
        error = null;
        var s = new Suppressions();
        foreach (var entry in entries)
        {
            var eq = entry.IndexOf('=');
            if (eq <= 0 || eq == entry.Length - 1)
            {
                error = $"invalid suppression \"{entry}\": expected CODE=Kind name.namespace, e.g. \"IST0101=VirtualService frontend.default\"";
                return s;
            }
            s._rules.Add((Glob(entry[..eq].Trim()), Glob(entry[(eq + 1)..].Trim())));
        }
        return s;
    }

    public bool IsSuppressed(Diagnostic message, IReadOnlyDictionary<ResourceRef, Resource> resources)
    {
        if (message.Code is null || message.Resource is null) return false;
        var friendly = $"{message.Resource.Kind} {message.Resource.Name}.{message.Resource.Namespace}";
        foreach (var (code, resource) in _rules)
            if (code.IsMatch(message.Code) && resource.IsMatch(friendly)) return true;
        if (resources.TryGetValue(message.Resource, out var r)
            && r.Metadata.Annotations?.GetValueOrDefault(Annotation) is { } codes)
        {
            foreach (var c in codes.Split(',', StringSplitOptions.TrimEntries))
                if (c == "*" || c == message.Code) return true;
        }
        return false;
    }

    private static Regex Glob(string pattern) =>
        new("^" + Regex.Escape(pattern).Replace("\\*", ".*") + "$", RegexOptions.CultureInvariant);
}

using Switchyard.Diagnostics;
using Switchyard.Loading;
using Switchyard.Model;
using Switchyard.Sources;

namespace Switchyard.Cli.Commands;

/// <summary>
/// Input that holds nothing the command can judge: an empty directory, a file of comments, a path
/// one level above the YAML, or only kinds Switchyard does not enforce (an AuthorizationPolicy,
/// an HTTPRoute). kubectl refuses the first ("error: no objects passed to apply", exit 1) rather
/// than report success; <c>validate</c> and <c>analyze</c> do the same, so a CI step pointed at
/// the wrong path fails instead of printing "✔ 0 resources valid". The message names what was
/// read instead: each resource of an unenforced kind with its file:line, and the Kubernetes
/// resources read only as cluster state.
/// </summary>
internal static class EmptyInput
{
    /// <summary>Nothing was read, and nothing was refused either (a syntax error or an invalid
    /// resource is reported as itself, not as emptiness). With <paramref name="istioOnly"/>,
    /// Kubernetes resources do not count: <c>validate</c> judges Istio resources only.</summary>
    public static bool IsEmpty(ConfigLoad load, bool istioOnly = false) =>
        (istioOnly ? !load.Analyzed.Any(ResourceKinds.IsIstio) : load.Analyzed.Count == 0)
        && load.SyntaxErrors.Count == 0
        && !load.StructuralErrors.Any(d => d.Severity == Severity.Error)
        && !load.Set.Rejected.Any(d => d.Severity == Severity.Error);

    /// <summary>The warnings about documents of a kind Switchyard does not read (AuthorizationPolicy,
    /// Sidecar, Gateway API routes, a misspelt Istio kind): those whose resource was not loaded.</summary>
    public static List<Diagnostic> Unenforced(ConfigLoad load)
    {
        var loaded = load.Analyzed.Select(r => r.Ref).ToHashSet();
        return [.. load.Set.Warnings.Where(d => d.Resource is { } r && !loaded.Contains(r))];
    }

    /// <summary>One line for stderr, naming what was given, how many files were read, and what
    /// was in them that the command does not judge.</summary>
    public static string Message(string command, IReadOnlyList<string> given, ConfigLoad load, string why = "")
    {
        var unenforced = Unenforced(load);
        var kubernetes = load.Analyzed.Where(r => !ResourceKinds.IsIstio(r)).ToList();
        var what = unenforced.Count == 0 && kubernetes.Count == 0 ? "no resources" : $"no {EnforcedKinds}";
        var message = $"error: no objects passed to {command}: {what} in {string.Join(", ", given)} ({load.Set.Files.Count} file(s) read)";
        if (unenforced.Count > 0)
            message += $"; {Count(unenforced.Count)} of a kind Switchyard does not enforce: "
                + string.Join(", ", unenforced.Select(d => $"{d.Resource} ({d.Span})"));
        if (kubernetes.Count > 0)
            message += $"; read only as cluster state: "
                + string.Join(", ", kubernetes.GroupBy(r => r.Kind).Select(g => $"{g.Count()} {g.Key}"));
        return message + why;
    }

    /// <summary>The Istio kinds Switchyard reads and enforces, as the message names them.</summary>
    private static string EnforcedKinds
    {
        get
        {
            var kinds = ResourceKinds.All.Where(k => k.Group == ResourceKinds.IstioNetworkingGroup).Select(k => k.Kind).ToList();
            return string.Join(", ", kinds[..^1]) + " or " + kinds[^1];
        }
    }

    private static string Count(int n) => n == 1 ? "1 resource" : $"{n} resources";
}

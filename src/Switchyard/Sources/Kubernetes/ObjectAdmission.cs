using Switchyard.Diagnostics;
using Switchyard.Loading;
using Switchyard.Model;

namespace Switchyard.Sources.Kubernetes;

/// <summary>
/// Admission of one object that did not come from a file (an API request, an object watched on
/// a cluster): its YAML goes through the same loader and the same <see cref="ConfigAdmission"/>
/// round as a file holding only it, so the config API refuses, and KubernetesSource skips,
/// exactly what a file edit would have had refused.
/// </summary>
public static class ObjectAdmission
{
    /// <summary>The verdict on one object: the resource when admitted, else the errors (with field paths); warnings either way.</summary>
    public sealed record Verdict(Resource? Resource, IReadOnlyList<Diagnostic> Errors, IReadOnlyList<Diagnostic> Warnings)
    {
        public bool Admitted => Resource is not null && Errors.Count == 0;
    }

    /// <summary>Admits the object written as <paramref name="yaml"/>; <paramref name="origin"/> names it in spans (<c>kube-api</c>, a cluster URL).</summary>
    public static Verdict Check(string yaml, string origin, string defaultNamespace = "default")
    {
        var result = ConfigLoader.LoadText(yaml, origin, new LoadOptions { DefaultNamespace = defaultNamespace });
        var read = new FileRead(origin, result, null, yaml);
        var admission = ConfigAdmission.Admit([], [read], []);
        var errors = admission.Rejected.Where(d => d.Severity == Severity.Error).ToList();
        var resource = admission.Admitted.Count > 0 ? admission.Admitted[0].Resource : result.Resources.FirstOrDefault();
        return new Verdict(errors.Count == 0 ? resource : null, errors, admission.Warnings);
    }
}

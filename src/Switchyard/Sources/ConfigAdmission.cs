using Switchyard.Diagnostics;
using Switchyard.Model;
using Switchyard.Validation;

namespace Switchyard.Sources;

/// <summary>
/// Decides, resource by resource, what goes live after a reload, the way Istio's validating
/// webhook admits or refuses each object on its own: a resource with errors is refused and its
/// last good version (same kind, namespace and name) stays; everything else goes live. A file
/// that does not parse keeps what it held last time; a file that is gone takes its resources
/// with it. The same rules, duplicates included, decide for every command (see
/// <see cref="ConfigPipeline"/>) and every round of <see cref="FileSource"/>.
/// </summary>
internal static class ConfigAdmission
{
    public static AdmissionResult Admit(IReadOnlyList<AdmittedResource> previous, IReadOnlyList<FileRead> files, IEnumerable<Diagnostic> inputErrors,
        IEnumerable<Diagnostic>? fileWarnings = null, CancellationToken cancel = default)
    {
        var round = new Round(previous, files, cancel);
        round.Rejected.AddRange(inputErrors);
        if (fileWarnings is not null) round.Warnings.AddRange(fileWarnings);
        foreach (var file in files)
        {
            cancel.ThrowIfCancellationRequested();
            if (file.IsBroken) round.KeepFile(file);
            else round.AdmitFile(file);
        }
        return new AdmissionResult(round.Admitted, round.Rejected, round.Warnings, round.Duplicates);
    }

    private sealed class Round(IReadOnlyList<AdmittedResource> previous, IReadOnlyList<FileRead> files, CancellationToken cancel)
    {
        private readonly Dictionary<ResourceRef, AdmittedResource> _previousByKey = previous.GroupBy(a => a.Key).ToDictionary(g => g.Key, g => g.First());
        private readonly ILookup<string, AdmittedResource> _previousByFile = previous.ToLookup(a => a.File, StringComparer.Ordinal);
        private readonly Dictionary<ResourceRef, AdmittedResource> _live = new();

        // Keys that a readable file defines this round: a broken file does not keep its old
        // version of those, since the resource moved (a checkout that moves it from a.yaml to
        // b.yaml while a.yaml is mid-write must not make it a duplicate).
        private readonly HashSet<ResourceRef> _definedNow = files.Where(f => !f.IsBroken).SelectMany(f => f.Result!.Resources).Select(r => r.Ref).ToHashSet();

        public List<AdmittedResource> Admitted { get; } = new();
        public List<Diagnostic> Rejected { get; } = new();
        public List<Diagnostic> Warnings { get; } = new();
        public List<DuplicateDefinition> Duplicates { get; } = new();

        public void KeepFile(FileRead file)
        {
            if (file.HeldBecause is not null) Rejected.Add(file.HeldBecause);
            if (file.Result is not null) Rejected.AddRange(file.Result.AllDiagnostics);
            foreach (var held in _previousByFile[file.File])
                if (!_definedNow.Contains(held.Key)) Add(held);
        }

        public void AdmitFile(FileRead file)
        {
            var result = file.Result!;
            // Kinds read past that a user may think are enforced (an AuthorizationPolicy).
            Warnings.AddRange(result.Warnings);
            var refused = new HashSet<ResourceRef>();
            foreach (var error in result.FieldErrors)
            {
                Rejected.Add(error);
                if (error.Resource is not null) refused.Add(error.Resource);
            }
            var seen = new HashSet<ResourceRef>();
            foreach (var resource in result.Resources)
            {
                // Validating and hashing 150,000 resources of one file takes seconds; shutdown
                // does not wait for it.
                cancel.ThrowIfCancellationRequested();
                seen.Add(resource.Ref);
                var errors = new List<Diagnostic>();
                foreach (var d in ResourceValidator.Validate(resource))
                    (d.Severity == Severity.Error ? errors : Warnings).Add(d);
                if (errors.Count == 0 && !refused.Contains(resource.Ref))
                {
                    Add(new AdmittedResource(resource.Ref, resource, ResourceFingerprint.Of(resource, Warnings), file.File));
                    continue;
                }
                Rejected.AddRange(errors);
                KeepLastGood(resource.Ref, file.File, resource.Span);
            }
            // Field errors that stopped a resource being built at all (an unsupported apiVersion).
            foreach (var key in refused)
                if (!seen.Contains(key)) KeepLastGood(key, file.File, SourceSpan.None);
        }

        private void KeepLastGood(ResourceRef key, string file, SourceSpan at)
        {
            if (!_previousByKey.TryGetValue(key, out var lastGood)) return;
            // The file that now defines the resource answers for the kept version: delete that
            // file and the resource goes, as it would have gone had the edit been valid.
            Add(lastGood with { File = file });
            Rejected.Add(new Diagnostic
            {
                Severity = Severity.Info,
                Message = $"the change was not applied; the last good version (from {lastGood.Resource.Span}) stays live",
                Span = at.IsKnown ? at : lastGood.Resource.Span,
                Resource = key,
            });
        }

        private void Add(AdmittedResource entry)
        {
            if (_live.TryGetValue(entry.Key, out var first))
            {
                if (ReferenceEquals(first.Resource, entry.Resource)) return;
                var error = Diagnostic.Error(
                    $"{entry.Key} is defined more than once; the first definition (at {first.Resource.Span}) is used",
                    entry.Resource.Span, entry.Key, hint: "remove or rename one of them");
                Rejected.Add(error);
                Duplicates.Add(new DuplicateDefinition(entry.Resource, error));
                return;
            }
            _live.Add(entry.Key, entry);
            Admitted.Add(entry);
        }
    }
}

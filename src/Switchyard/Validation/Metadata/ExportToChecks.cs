using Switchyard.Validation.Rules;

namespace Switchyard.Validation;

/// <summary>
/// Istio's <c>validateExportTo</c> (Rules/ExportTo) with each message placed on the entry it is
/// about: a bad entry on itself, a duplicate on its second occurrence, a bad mix on the list.
/// </summary>
public static class ExportToChecks
{
    public static void Check(ValidationContext ctx, IReadOnlyList<string>? exportTo, bool isServiceEntry)
    {
        if (exportTo is null || exportTo.Count == 0) return;
        var ns = ctx.Resource.Namespace;
        var pending = new List<string>(ExportTo.CheckExportTo(exportTo, ns, isServiceEntry));
        if (pending.Count == 0) return;

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < exportTo.Count; i++)
        {
            var entry = exportTo[i];
            var key = entry == ExportTo.Private ? ns : entry;
            // The messages this entry alone would cause (an invalid name, "~" outside a ServiceEntry)...
            var own = seen.Add(key) ? ExportTo.CheckExportTo([entry], ns, isServiceEntry) : DuplicateMessages(entry, key, ns);
            foreach (var message in own)
                if (pending.Remove(message)) ctx.Error($"spec.exportTo[{i}]", message, Hint);
        }
        // ...and what only the whole list causes ("*" or "~" together with other entries).
        foreach (var message in pending) ctx.Error("spec.exportTo", message, Hint);
    }

    private static string[] DuplicateMessages(string entry, string key, string ns) =>
        key != entry
            ? [$"duplicate entries in exportTo: . and current namespace {ns}"]
            : [$"duplicate entries in exportTo for entry {entry}"];

    private const string Hint = "exportTo lists \".\" (this namespace), \"*\" (all), or namespace names";
}

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

        var firstIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < exportTo.Count; i++)
        {
            var entry = exportTo[i];
            var key = entry == ExportTo.Private ? ns : entry;
            // The message this entry causes: alone (a bad name, "~" outside a ServiceEntry), or
            // beside its first occurrence (a duplicate, reported first by Istio's loop)...
            var own = firstIndex.TryAdd(key, i)
                ? ExportTo.CheckExportTo([entry], ns, isServiceEntry)
                : ExportTo.CheckExportTo([exportTo[firstIndex[key]], entry], ns, isServiceEntry).Take(1);
            foreach (var message in own)
                if (pending.Remove(message)) ctx.Error($"spec.exportTo[{i}]", message, Hint);
        }
        // ...and what only the whole list causes ("*" or "~" together with other entries).
        foreach (var message in pending) ctx.Error("spec.exportTo", message, Hint);
    }

    private const string Hint = "exportTo lists \".\" (this namespace), \"*\" (everyone), namespace names, or for a ServiceEntry \"~\" alone (no one)";
}

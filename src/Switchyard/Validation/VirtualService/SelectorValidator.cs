using Switchyard.Validation.Rules;

namespace Switchyard.Validation.VirtualServices;

/// <summary><c>sourceLabels</c> of HTTP, TLS and TCP matches: a label selector on the client workloads.</summary>
internal static class SelectorValidator
{
    public static void ValidateSourceLabels(IReadOnlyDictionary<string, string>? labels, string path, ValidationContext ctx)
    {
        if (labels is null) return;
        foreach (var message in Labels.CheckLabels(labels)) ctx.Error(path, message);
    }
}

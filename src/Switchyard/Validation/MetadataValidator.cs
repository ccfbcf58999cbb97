using Switchyard.Validation.Rules;

namespace Switchyard.Validation;

/// <summary>
/// Metadata rules for the Istio kinds: what the API server demands of names and labels, and the
/// annotations Istio's webhook refuses (<c>validateMetadata</c> in pkg/config/validation).
/// </summary>
public static class MetadataValidator
{
    /// <summary>Dry-run enforcement exists only for AuthorizationPolicy.</summary>
    public const string DryRunAnnotation = "istio.io/dry-run";

    /// <summary>Annotations only Istio itself sets, on objects it generates; never valid on user objects.</summary>
    public static readonly IReadOnlyList<string> InternalAnnotations =
    [
        "internal.istio.io/webhook-always-reject",
        "internal.istio.io/parents",
        "internal.istio.io/parent-namespace",
    ];

    public static void Validate(ValidationContext ctx)
    {
        var meta = ctx.Resource.Metadata;
        if (string.IsNullOrEmpty(meta.Name))
            ctx.Error("metadata.name", "metadata.name is required", "give the resource a name, e.g. metadata.name: reviews");
        else
            ctx.ErrorIf("metadata.name", Prefix("name", meta.Name, KubernetesNames.CheckSubdomain(meta.Name)),
                "use lower-case letters, digits, '-' and '.', e.g. reviews-v2");

        // The loader fills in the default namespace; only a written one can be wrong.
        if (!string.IsNullOrEmpty(meta.Namespace))
            ctx.ErrorIf("metadata.namespace", Prefix("namespace", meta.Namespace, KubernetesNames.CheckLabel(meta.Namespace)),
                "use lower-case letters, digits and '-', e.g. bookinfo");

        LabelMapChecks.Check(ctx, "metadata.labels", meta.Labels);
        CheckAnnotations(ctx);
    }

    private static void CheckAnnotations(ValidationContext ctx)
    {
        var annotations = ctx.Resource.Metadata.Annotations;
        if (annotations is null) return;
        var r = ctx.Resource;
        // Only the AuthorizationPolicy kind honours dry-run, and Switchyard validates none.
        if (annotations.ContainsKey(DryRunAnnotation))
            ctx.Error($"metadata.annotations.{DryRunAnnotation}",
                $"{r.Namespace}/{r.Name} has unsupported annotation {DryRunAnnotation}, please remove the annotation",
                $"{DryRunAnnotation} only applies to AuthorizationPolicy; {r.Kind} has no dry-run mode");
        foreach (var name in InternalAnnotations)
            if (annotations.ContainsKey(name))
                ctx.Error($"metadata.annotations.{name}", $"{GoText.Quote(name)} annotation found, rejecting",
                    "internal.istio.io/ annotations are set by Istio on objects it generates; remove it");
    }

    private static string? Prefix(string field, string value, string? problem) =>
        problem is null ? null : $"invalid {field} {GoText.Quote(value)}: {problem}";
}

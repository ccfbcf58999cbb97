using System.Text.Json.Nodes;
using Switchyard.Diagnostics;
using Switchyard.Sources.Kubernetes;

namespace Switchyard.Proxy.KubeApi;

/// <summary>
/// Istio's validating webhook in front of the store: the object goes through
/// <see cref="ObjectAdmission"/>, the same per-resource admission a file gets, and an Istio
/// object it refuses is answered as the API server answers a webhook's denial (400, kubectl
/// prints <c>admission webhook "validation.istio.io" denied the request: configuration is
/// invalid: ...</c>), with one cause per field. A Kubernetes kind is refused as the API server's
/// own validation refuses it (422 Invalid). Warnings go back as <c>Warning</c> headers, which
/// kubectl prints.
/// </summary>
internal static class ApiAdmission
{
    public const string WebhookName = "validation.istio.io";

    public static IReadOnlyList<string> Admit(ObjectKey key, JsonObject obj)
    {
        var copy = (JsonObject)obj.DeepClone();
        (copy["metadata"] as JsonObject)?.Remove("managedFields");
        var verdict = ObjectAdmission.Check(JsonToYaml.Write(copy), $"{key.Resource.Kind} {key.Namespace}/{key.Name}", key.Namespace.Length == 0 ? "default" : key.Namespace);
        var warnings = verdict.Warnings.Select(Describe).ToList();
        if (verdict.Errors.Count == 0) return warnings;

        var errors = verdict.Errors.Select(d => (Field: d.FieldPath ?? "", Message: Describe(d))).ToList();
        if (!key.Resource.Group.EndsWith("istio.io", StringComparison.Ordinal))
            throw StatusError.Invalid(key.Resource, key.Name, verdict.Errors.Select(d => (d.FieldPath ?? "", d.Message)));

        // Istio's webhook joins several errors with hashicorp/go-multierror's format.
        var text = errors.Count == 1
            ? errors[0].Message
            : $"{errors.Count} errors occurred:" + string.Concat(errors.Select(e => "\n\t* " + e.Message)) + "\n\n";
        var details = new JsonObject
        {
            ["name"] = key.Name,
            ["group"] = key.Resource.Group,
            ["kind"] = key.Resource.Plural,
            ["causes"] = new JsonArray(errors.Select(e => (JsonNode)new JsonObject
            {
                ["reason"] = "FieldValueInvalid", ["message"] = e.Message, ["field"] = e.Field,
            }).ToArray()),
        };
        throw new StatusError(400, "", $"admission webhook \"{WebhookName}\" denied the request: configuration is invalid: {text}", details);
    }

    /// <summary><c>spec.http[0].route[0].weight: weight -5 &lt; 0</c>: the field, then Switchyard's message and hint.</summary>
    private static string Describe(Diagnostic d)
    {
        var text = string.IsNullOrEmpty(d.FieldPath) ? d.Message : $"{d.FieldPath}: {d.Message}";
        return d.Hint is null || d.Message.Contains(d.Hint, StringComparison.Ordinal) ? text : $"{text} ({d.Hint})";
    }
}

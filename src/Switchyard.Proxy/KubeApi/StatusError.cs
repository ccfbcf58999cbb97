using System.Text.Json.Nodes;

namespace Switchyard.Proxy.KubeApi;

/// <summary>
/// A refusal the API answers with a Kubernetes <c>Status</c> (kind Status, status Failure, the
/// HTTP code, a reason kubectl prints in parentheses, details with the object's name and kind and
/// the fields at fault), as k8s.io/apimachinery's StatusError. Thrown by a verb, answered by
/// <see cref="KubeApiHandler"/>; nothing is stored once one is thrown.
/// </summary>
internal sealed class StatusError(int code, string reason, string message, JsonObject? details = null) : Exception(message)
{
    public int Code { get; } = code;
    public string Reason { get; } = reason;
    public JsonObject? Details { get; } = details;

    public JsonObject ToStatus() => Status(Code, Reason, Message, Details);

    public static JsonObject Status(int code, string reason, string message, JsonObject? details)
    {
        var status = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = message,
        };
        if (reason.Length > 0) status["reason"] = reason;
        if (details is not null) status["details"] = details;
        status["code"] = code;
        return status;
    }

    private static JsonObject ObjectDetails(ApiResource r, string name) => new() { ["name"] = name, ["group"] = r.Group, ["kind"] = r.Plural };

    public static StatusError NotFound(ApiResource r, string name) =>
        new(404, "NotFound", $"{r.QualifiedName} \"{name}\" not found", ObjectDetails(r, name));

    public static StatusError AlreadyExists(ApiResource r, string name) =>
        new(409, "AlreadyExists", $"{r.QualifiedName} \"{name}\" already exists", ObjectDetails(r, name));

    public static StatusError Conflict(ApiResource r, string name) =>
        new(409, "Conflict", $"Operation cannot be fulfilled on {r.QualifiedName} \"{name}\": the object has been modified; please apply your changes to the latest version and try again",
            ObjectDetails(r, name));

    public static StatusError BadRequest(string message) => new(400, "BadRequest", message);

    /// <summary>422 Invalid, with one cause per field, as the API server's own validation answers.</summary>
    public static StatusError Invalid(ApiResource r, string name, IEnumerable<(string Field, string Message)> causes)
    {
        var list = causes.ToList();
        var details = ObjectDetails(r, name);
        details["kind"] = r.Kind;
        details["causes"] = new JsonArray(list.Select(c => (JsonNode)new JsonObject
        {
            ["reason"] = "FieldValueInvalid", ["message"] = $"Invalid value: {c.Message}", ["field"] = c.Field,
        }).ToArray());
        var text = string.Join(", ", list.Select(c => $"{c.Field}: Invalid value: {c.Message}"));
        return new StatusError(422, "Invalid", $"{r.Kind} \"{name}\" is invalid: {text}", details);
    }

    public static StatusError NotFoundPath(string path) => new(404, "NotFound", $"the server could not find the requested resource ({path})");

    public static StatusError MethodNotAllowed(string method) => new(405, "MethodNotAllowed", $"the server does not allow this method on the requested resource ({method})");

    public static StatusError TooLarge() => new(413, "RequestEntityTooLarge", "Request entity too large: limit is 3145728");

    public static StatusError UnsupportedMediaType(string type) => new(415, "UnsupportedMediaType", $"the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json (got {type})");

    public static StatusError Expired(string rv) => new(410, "Expired", $"too old resource version: {rv}");

    public static StatusError Unauthorized() => new(401, "Unauthorized", "Unauthorized");
}

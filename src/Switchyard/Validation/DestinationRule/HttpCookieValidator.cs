using Switchyard.Model.Networking;

namespace Switchyard.Validation.DestinationRules;

/// <summary>
/// <c>consistentHash.httpCookie</c>: the cookie needs a name, and the extra attributes written
/// on a generated cookie need distinct, non-empty names.
/// </summary>
public static class HttpCookieValidator
{
    public static void Validate(HTTPCookie cookie, string path, ValidationContext ctx)
    {
        if (string.IsNullOrEmpty(cookie.Name))
            ctx.Error(path, "name required for HttpCookie", "add name: the cookie to hash on");

        if (cookie.Attributes is not { } attributes) return;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < attributes.Count; i++)
        {
            var attributePath = $"{path}.attributes[{i}]";
            var attribute = attributes[i];
            if (attribute is null)
            {
                ctx.Error(attributePath, "cookie attribute may not be null");
                continue;
            }
            if (string.IsNullOrEmpty(attribute.Name))
            {
                ctx.Error(attributePath, "cookie attribute name is required", "e.g. name: SameSite, value: Strict");
                continue;
            }
            if (!seen.Add(attribute.Name))
                ctx.Error($"{attributePath}.name", $"duplicate cookie attribute name: {attribute.Name}",
                    "set each attribute once");
        }
    }
}

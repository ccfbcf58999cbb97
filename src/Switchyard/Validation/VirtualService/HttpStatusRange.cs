namespace Switchyard.Validation.VirtualServices;

/// <summary>
/// The status of an injected abort or a direct response: Istio accepts 200..600 although its
/// message says 200-599 (validateHTTPStatus); we keep both as they are.
/// </summary>
internal static class HttpStatusRange
{
    public static string? Check(long status) =>
        status is < 200 or > 600 ? $"HTTP status {status} is not in range 200-599" : null;
}

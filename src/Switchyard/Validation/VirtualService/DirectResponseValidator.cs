using System.Text;
using Switchyard.Model.Networking;

namespace Switchyard.Validation.VirtualServices;

/// <summary>
/// <c>directResponse</c>: a status in 200..600, and a body that stays small, because every
/// proxy holds it in its route table (Istio's validateHTTPDirectResponse: over 1 MiB is an
/// error, over 100 KiB a warning; bytes are counted, after base64 decoding for <c>bytes</c>).
/// </summary>
internal static class DirectResponseValidator
{
    private const int KiB = 1024;
    private const int MiB = 1024 * KiB;

    public static void Validate(HTTPDirectResponse? response, string path, ValidationContext ctx)
    {
        if (response is null) return;
        if (response.Body is { } body && BodySize(body, path + ".body", ctx) is { } size)
        {
            if (size > MiB)
                ctx.Error(path + ".body", "large direct_responses may impact control plane performance, must be less than 1MB",
                    "serve large bodies from a backend instead");
            else if (size > 100 * KiB)
                ctx.Warning(path + ".body", "large direct_responses may impact control plane performance",
                    "keep direct response bodies under 100KiB");
        }
        // status is required: unset reads as 0, as in proto3.
        ctx.ErrorIf(path + ".status", HttpStatusRange.Check(response.Status ?? 0));
    }

    /// <summary>The body's size in bytes, or null when bytes is not base64 (reported here).</summary>
    private static long? BodySize(HTTPBody body, string path, ValidationContext ctx)
    {
        if (body.String is { } text) return Encoding.UTF8.GetByteCount(text);
        if (body.Bytes is not { } encoded) return 0;
        var buffer = new byte[encoded.Length];
        if (Convert.TryFromBase64String(encoded, buffer, out var written)) return written;
        ctx.Error(path + ".bytes", "body.bytes is not valid base64", "encode the body with base64, or use body.string");
        return null;
    }
}

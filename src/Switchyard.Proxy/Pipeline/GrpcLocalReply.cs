using System.Text;
using Microsoft.AspNetCore.Http;

namespace Switchyard.Proxy.Pipeline;

/// <summary>
/// Envoy answers a gRPC request's local reply (any: NR, NC, UH, UO, UF, UT, fault abort, direct response, redirect) as a gRPC
/// trailers-only response: HTTP 200, content-type application/grpc, <c>grpc-status</c> (the given
/// one, else mapped from the HTTP status) and the body text as <c>grpc-message</c>
/// (Http::Utility::sendLocalReply with is_grpc). A gRPC client cannot read an HTTP error body.
/// These are the rules; <see cref="LocalReply"/> sends the answer.
/// </summary>
public static class GrpcLocalReply
{
    /// <summary>Envoy's Grpc::Common::hasGrpcContentType: application/grpc, optionally followed by "+..." or ";...".</summary>
    public static bool IsGrpc(HttpRequest request)
    {
        var type = request.ContentType;
        const string Grpc = "application/grpc";
        return type is not null && type.StartsWith(Grpc, StringComparison.OrdinalIgnoreCase)
            && (type.Length == Grpc.Length || type[Grpc.Length] is '+' or ';');
    }

    public const string ContentType = "application/grpc";

    /// <summary>Envoy's Grpc::Utility::httpToGrpcStatus.</summary>
    public static int FromHttp(int status) => status switch
    {
        400 => 13, // INTERNAL
        401 => 16, // UNAUTHENTICATED
        403 => 7,  // PERMISSION_DENIED
        404 => 12, // UNIMPLEMENTED
        429 or 502 or 503 or 504 => 14, // UNAVAILABLE
        _ => 2,    // UNKNOWN
    };

    /// <summary>gRPC's grpc-message encoding: bytes outside printable ASCII, and '%', as %XX.</summary>
    internal static string PercentEncode(string text)
    {
        var plain = true;
        foreach (var c in text)
            if (c is < ' ' or > '~' or '%') { plain = false; break; }
        if (plain) return text;
        var sb = new StringBuilder(text.Length + 16);
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            if (b is < (byte)' ' or > (byte)'~' or (byte)'%') sb.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            else sb.Append((char)b);
        }
        return sb.ToString();
    }
}

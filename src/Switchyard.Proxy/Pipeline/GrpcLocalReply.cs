using System.Text;
using Microsoft.AspNetCore.Http;

namespace Switchyard.Proxy.Pipeline;

/// <summary>
/// Envoy answers a gRPC request's local reply (any: NR, NC, UH, UO, UF, UT, fault abort, direct response, redirect) as a gRPC
/// trailers-only response: HTTP 200, content-type application/grpc, <c>grpc-status</c> (the given
/// one, else mapped from the HTTP status) and the body text as <c>grpc-message</c>
/// (Http::Utility::sendLocalReply with is_grpc). A gRPC client cannot read an HTTP error body.
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

    /// <summary>Writes the trailers-only answer (headers only; Kestrel ends the stream with them).</summary>
    public static void Send(HttpResponse response, int httpStatus, int? grpcStatus, string? message)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        response.Headers["grpc-status"] = (grpcStatus ?? FromHttp(httpStatus)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!string.IsNullOrEmpty(message)) response.Headers["grpc-message"] = PercentEncode(message);
    }

    /// <summary>The same answer as a response message, for replies made inside the attempt loop.</summary>
    public static HttpResponseMessage ToMessage(int httpStatus, string? message)
    {
        var content = new ByteArrayContent([]);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/grpc");
        var reply = new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = content };
        reply.Headers.TryAddWithoutValidation("grpc-status", FromHttp(httpStatus).ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (!string.IsNullOrEmpty(message)) reply.Headers.TryAddWithoutValidation("grpc-message", PercentEncode(message));
        return reply;
    }

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
    private static string PercentEncode(string text)
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

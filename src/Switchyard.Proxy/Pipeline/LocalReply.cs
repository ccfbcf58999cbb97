using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Switchyard.Proxy.Pipeline;

/// <summary>
/// Answers the proxy gives itself, as Envoy's local replies: a status, a short text/plain body and
/// the response flag; a gRPC request gets them as a trailers-only gRPC answer
/// (<see cref="GrpcLocalReply"/>). Before forwarding they are written to the client directly; inside the
/// upstream attempt loop they are returned as a response message, which the forwarder then copies
/// to the client like any upstream answer.
/// </summary>
public static class LocalReply
{
    /// <summary>Envoy's body when no endpoint can be picked (503 UH).</summary>
    public const string NoHealthyUpstream = "no healthy upstream";

    /// <summary>Envoy's body when the route timeout fires before the upstream answers (504 UT).</summary>
    public const string UpstreamTimeout = "upstream request timeout";

    /// <summary>Envoy's prefix for failures before response headers (503 UF, UC, UO).</summary>
    public const string ResetBeforeHeaders = "upstream connect error or disconnect/reset before headers. reset reason: ";

    public static async ValueTask SendAsync(ProxyContext ctx, int status, string flag, string? body = null)
    {
        ctx.AddFlag(flag);
        var response = ctx.Http.Response;
        if (GrpcLocalReply.IsGrpc(ctx.Http.Request))
        {
            GrpcLocalReply.Send(response, status, null, body);
            return;
        }
        response.StatusCode = status;
        if (string.IsNullOrEmpty(body)) return;
        response.ContentType = "text/plain";
        await response.WriteAsync(body).ConfigureAwait(false);
    }

    public static HttpResponseMessage ToMessage(ProxyContext ctx, HttpStatusCode status, string flag, string body)
    {
        ctx.AddFlag(flag);
        if (GrpcLocalReply.IsGrpc(ctx.Http.Request)) return GrpcLocalReply.ToMessage((int)status, body);
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        return new HttpResponseMessage(status) { Content = content };
    }
}

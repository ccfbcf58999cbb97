using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Http;
using Switchyard.Proxy.Headers;
using Switchyard.Proxy.Telemetry;

namespace Switchyard.Proxy.Pipeline;

/// <summary>
/// Every answer the proxy gives itself goes through here, as every Envoy local reply goes through
/// sendLocalReply (source/common/http/utility.cc): it records the response flag and the response
/// code details at the moment the answer is decided, then sends the status with a text/plain body
/// and its Content-Length, or, to a gRPC request, a trailers-only gRPC answer
/// (<see cref="GrpcLocalReply"/>). Before forwarding the answer is written to the client
/// (<see cref="SendAsync"/>); inside the upstream attempt loop it becomes the response message the
/// forwarder copies (<see cref="ToMessage"/>). Both take the same <see cref="Compose"/>d reply.
/// </summary>
public static class LocalReply
{
    /// <summary>Envoy's prefix for failures before response headers (503 UF, UC, UO).</summary>
    public const string ResetBeforeHeaders = "upstream connect error or disconnect/reset before headers. reset reason: ";

    /// <summary>Envoy's body when no endpoint can be picked (503 UH).</summary>
    public static readonly byte[] NoHealthyUpstream = Encoding.UTF8.GetBytes("no healthy upstream");

    /// <summary>Envoy's body when the route or per-try timeout fires before the upstream answers (504 UT).</summary>
    public static readonly byte[] UpstreamTimeout = Encoding.UTF8.GetBytes("upstream request timeout");

    /// <summary>Envoy's body for a circuit breaker's overflow (503 UO).</summary>
    public static readonly byte[] Overflow = Encoding.UTF8.GetBytes(ResetBeforeHeaders + "overflow");

    /// <summary>Envoy's body for an injected abort (FI).</summary>
    public static readonly byte[] FaultAbort = Encoding.UTF8.GetBytes("fault filter abort");

    /// <summary>Answers the client directly (before any upstream attempt).</summary>
    /// <param name="grpcStatus">The grpc-status to send a gRPC client (fault abort's grpcStatus); else mapped from the status.</param>
    /// <param name="location">A Location header (redirects, and direct responses of 201 and 3xx).</param>
    /// <param name="finalizeWithRoute">Apply the route's response header operations, as Envoy finalizes a direct response.</param>
    public static ValueTask SendAsync(ProxyContext ctx, int status, ResponseFlags flag, string details,
        ReadOnlyMemory<byte> body = default, int? grpcStatus = null, string? location = null, bool finalizeWithRoute = false)
    {
        var reply = Compose(ctx, status, flag, details, body, grpcStatus);
        var response = ctx.Http.Response;
        response.StatusCode = reply.Status;
        if (location is not null) response.Headers.Location = location;
        if (finalizeWithRoute && ctx.Route?.Headers is { } headers) HeadersStep.ApplyToResponse(headers, null, response.Headers);
        if (reply.Grpc)
        {
            // Headers only: Kestrel ends the stream with them (trailers-only).
            response.ContentType = GrpcLocalReply.ContentType;
            response.Headers["grpc-status"] = reply.GrpcStatusText;
            if (reply.GrpcMessage is { } message) response.Headers["grpc-message"] = message;
            return ValueTask.CompletedTask;
        }
        if (reply.Body.IsEmpty) return ValueTask.CompletedTask;
        response.ContentType = "text/plain";
        response.ContentLength = reply.Body.Length;
        // Envoy answers HEAD with the headers of the body it would send, and no body.
        if (HttpMethods.IsHead(ctx.Http.Request.Method)) return ValueTask.CompletedTask;
        return response.Body.WriteAsync(reply.Body, ctx.Http.RequestAborted);
    }

    /// <summary>The same answer as a response message, for replies made inside the attempt loop.</summary>
    /// <param name="overloaded">A circuit breaker refused the request: Envoy adds <c>x-envoy-overloaded: true</c>.</param>
    public static HttpResponseMessage ToMessage(ProxyContext ctx, int status, ResponseFlags flag, string details, byte[] body, bool overloaded = false)
    {
        var reply = Compose(ctx, status, flag, details, body, null);
        var content = new ByteArrayContent(reply.Grpc ? [] : body);
        var message = new HttpResponseMessage((System.Net.HttpStatusCode)reply.Status) { Content = content };
        if (reply.Grpc)
        {
            content.Headers.ContentType = new MediaTypeHeaderValue(GrpcLocalReply.ContentType);
            message.Headers.TryAddWithoutValidation("grpc-status", reply.GrpcStatusText);
            if (reply.GrpcMessage is { } text) message.Headers.TryAddWithoutValidation("grpc-message", text);
        }
        else if (body.Length > 0)
        {
            content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        }
        if (overloaded) message.Headers.TryAddWithoutValidation("x-envoy-overloaded", "true");
        return message;
    }

    /// <summary>sendLocalReply's decisions, shared by both ways out: the flag and details are
    /// recorded, and a gRPC request gets 200 with grpc-status and the body as grpc-message.</summary>
    private static Composed Compose(ProxyContext ctx, int status, ResponseFlags flag, string details, ReadOnlyMemory<byte> body, int? grpcStatus)
    {
        ctx.AddFlag(flag);
        ctx.Details = details;
        if (!GrpcLocalReply.IsGrpc(ctx.Http.Request)) return new Composed(status, false, null, null, body);
        var code = grpcStatus ?? GrpcLocalReply.FromHttp(status);
        var message = body.IsEmpty ? null : GrpcLocalReply.PercentEncode(Encoding.UTF8.GetString(body.Span));
        return new Composed(StatusCodes.Status200OK, true, code.ToString(System.Globalization.CultureInfo.InvariantCulture), message, default);
    }

    private readonly record struct Composed(int Status, bool Grpc, string? GrpcStatusText, string? GrpcMessage, ReadOnlyMemory<byte> Body);
}

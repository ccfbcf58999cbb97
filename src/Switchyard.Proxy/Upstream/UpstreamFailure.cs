using System.Net.Sockets;
using Switchyard.Proxy.Pipeline;
using Switchyard.Proxy.Timeouts;

namespace Switchyard.Proxy.Upstream;

/// <summary>Why an upstream attempt ended without response headers, in Envoy's terms.</summary>
public enum UpstreamFailureKind
{
    /// <summary>The connection could not be made (refused, unreachable, connect timeout): flag UF.</summary>
    ConnectFailure,
    /// <summary>The connection or stream was reset before headers: flag UC.</summary>
    Reset,
    /// <summary>An HTTP/2 stream was refused (REFUSED_STREAM): retriable as "refused-stream".</summary>
    RefusedStream,
}

/// <summary>Maps what <see cref="SocketsHttpHandler"/> throws to Envoy's failure kinds, and tells
/// the failures an upstream can cause from those of the downstream and from our own bugs.</summary>
public static class UpstreamFailure
{
    /// <summary>The exceptions an upstream attempt can end with: anything else is a bug in the
    /// proxy and must not be counted against an endpoint.</summary>
    public static bool IsTransportFailure(Exception error) =>
        error is HttpRequestException or IOException or OperationCanceledException;

    /// <summary>
    /// True when the attempt failed because of the downstream: the client aborted, or reading its
    /// request body failed (truncated upload, malformed chunking). The forwarder reads the client's
    /// body inside the outgoing request content, so that failure surfaces from the upstream send,
    /// with Kestrel's exception inside (BadHttpRequestException, ConnectionResetException,
    /// ConnectionAbortedException). Envoy counts these as downstream errors (DC), never as an
    /// upstream reset.
    /// </summary>
    public static bool IsDownstream(Exception error, CancellationToken clientAborted)
    {
        if (clientAborted.IsCancellationRequested) return true;
        for (var e = error; e is not null; e = e.InnerException)
            if (e is Microsoft.AspNetCore.Http.BadHttpRequestException
                or Microsoft.AspNetCore.Connections.ConnectionResetException
                or Microsoft.AspNetCore.Connections.ConnectionAbortedException)
                return true;
        return false;
    }

    /// <summary>What a transport failure of one attempt's send means: the client's doing (DC),
    /// the route or per-try timeout, or the upstream's failure in Envoy's terms.</summary>
    public static AttemptOutcome OutcomeOf(ProxyContext ctx, Exception e, RouteTimer? routeTimer, CancellationTokenSource? perTry, CancellationToken downstream)
    {
        if (downstream.IsCancellationRequested || IsDownstream(e, ctx.Http.RequestAborted)) return AttemptOutcome.Downstream(e);
        if (routeTimer?.Fired == true) return AttemptOutcome.Failed(AttemptOutcomeKind.RouteTimeout);
        if (perTry?.IsCancellationRequested == true) return AttemptOutcome.Failed(AttemptOutcomeKind.PerTryTimeout);
        return AttemptOutcome.From(Classify(e));
    }

    public static UpstreamFailureKind Classify(Exception error)
    {
        if (error is HttpRequestException http)
        {
            if (http.HttpRequestError == HttpRequestError.ConnectionError || http.InnerException is SocketException)
                return UpstreamFailureKind.ConnectFailure;
            if (http.HttpRequestError == HttpRequestError.HttpProtocolError && http.InnerException is HttpProtocolException { ErrorCode: 0x7 })
                return UpstreamFailureKind.RefusedStream;
            return UpstreamFailureKind.Reset;
        }
        // SocketsHttpHandler reports its ConnectTimeout as a cancellation wrapping a TimeoutException.
        if (error is OperationCanceledException { InnerException: TimeoutException }) return UpstreamFailureKind.ConnectFailure;
        return UpstreamFailureKind.Reset;
    }

    /// <summary>Envoy's local reply bodies for a failure before headers: the reset reason after
    /// <see cref="Pipeline.LocalReply.ResetBeforeHeaders"/>.</summary>
    public static readonly byte[] ConnectFailureBody = Body("connection failure");

    public static readonly byte[] RefusedStreamBody = Body("remote refused stream reset");

    public static readonly byte[] TerminationBody = Body("connection termination");

    private static byte[] Body(string reason) => System.Text.Encoding.UTF8.GetBytes(Pipeline.LocalReply.ResetBeforeHeaders + reason);
}

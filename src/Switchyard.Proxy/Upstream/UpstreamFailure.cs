using System.Net.Sockets;

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

/// <summary>Maps what <see cref="SocketsHttpHandler"/> throws to Envoy's failure kinds.</summary>
public static class UpstreamFailure
{
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

    /// <summary>Envoy's reset reason text for the local reply body.</summary>
    public static string Reason(UpstreamFailureKind kind) => kind switch
    {
        UpstreamFailureKind.ConnectFailure => "connection failure",
        UpstreamFailureKind.RefusedStream => "remote refused stream reset",
        _ => "connection termination",
    };
}

namespace Switchyard.Proxy.Upstream;

/// <summary>
/// What one upstream attempt gave: the response, or why there is none. The attempt loop reports it
/// to outlier detection (<see cref="FailureForOutlier"/>), asks the retry state whether to try
/// again, and turns the last one into the answer (<see cref="AttemptHandler"/>).
/// </summary>
public readonly struct AttemptOutcome
{
    private AttemptOutcome(AttemptOutcomeKind kind, HttpResponseMessage? response, Exception? error)
    {
        Kind = kind;
        Response = response;
        Error = error;
    }

    public AttemptOutcomeKind Kind { get; }

    /// <summary>The upstream's response when <see cref="Kind"/> is <see cref="AttemptOutcomeKind.Response"/> (or a local overflow reply).</summary>
    public HttpResponseMessage? Response { get; }

    /// <summary>For <see cref="AttemptOutcomeKind.DownstreamCancel"/>: the exception, rethrown so the forwarder reports the client's error.</summary>
    public Exception? Error { get; }

    public static AttemptOutcome Answered(HttpResponseMessage response) => new(AttemptOutcomeKind.Response, response, null);

    public static AttemptOutcome Overflowed(HttpResponseMessage reply) => new(AttemptOutcomeKind.Overflow, reply, null);

    public static AttemptOutcome Failed(AttemptOutcomeKind kind) => new(kind, null, null);

    public static AttemptOutcome Downstream(Exception error) => new(AttemptOutcomeKind.DownstreamCancel, null, error);

    public static AttemptOutcome From(UpstreamFailureKind failure) => Failed(failure switch
    {
        UpstreamFailureKind.ConnectFailure => AttemptOutcomeKind.ConnectFailure,
        UpstreamFailureKind.RefusedStream => AttemptOutcomeKind.RefusedStream,
        _ => AttemptOutcomeKind.Reset,
    });

    /// <summary>What outlier detection hears of an attempt without a response: resets and timeouts
    /// are local-origin failures (Envoy reports a timed-out attempt as LocalOriginTimeout); a
    /// downstream failure or an overflow says nothing about the endpoint (null, with no response: no report).</summary>
    public UpstreamFailureKind? FailureForOutlier => Kind switch
    {
        AttemptOutcomeKind.ConnectFailure => UpstreamFailureKind.ConnectFailure,
        AttemptOutcomeKind.RefusedStream => UpstreamFailureKind.RefusedStream,
        AttemptOutcomeKind.Reset or AttemptOutcomeKind.PerTryTimeout or AttemptOutcomeKind.RouteTimeout => UpstreamFailureKind.Reset,
        _ => null,
    };

    /// <summary>True when the endpoint took part (it answered, failed or timed out), so outlier detection hears of it.</summary>
    public bool ReachedEndpoint => Kind is not (AttemptOutcomeKind.Overflow or AttemptOutcomeKind.DownstreamCancel);
}

using System.Globalization;
using System.Net;
using Microsoft.Extensions.Primitives;
using Switchyard.Proxy.Pipeline;

namespace Switchyard.Proxy.Timeouts;

/// <summary>
/// The two clocks of the attempt loop, as Envoy's router computes them
/// (<c>FilterUtility::finalTimeout</c>, source/common/router/router.cc): the route timeout over all
/// attempts and the per-try timeout of each; <see cref="TimeSpan.Zero"/> means none.
/// <para>
/// <c>x-envoy-upstream-rq-timeout-ms</c> and <c>x-envoy-upstream-rq-per-try-timeout-ms</c> replace
/// them only for an internal request. Envoy's connection manager sanitizes these headers away
/// from external requests (docs: "HTTP header sanitizing"), and in a sidecar the internal caller
/// is the application beside it, on loopback. So the rule here: the headers count only when the
/// downstream connection comes from a loopback address; from anywhere else they are ignored, so
/// a remote client can neither lift nor shorten a configured timeout. Either way they are removed
/// before the request goes upstream, as Envoy's router removes them.
/// </para>
/// A per-try timeout not shorter than the route timeout is dropped, as Envoy drops it.
/// </summary>
public readonly record struct AttemptTimeouts(TimeSpan Route, TimeSpan PerTry)
{
    public const string RouteTimeoutHeader = "x-envoy-upstream-rq-timeout-ms";
    public const string PerTryTimeoutHeader = "x-envoy-upstream-rq-per-try-timeout-ms";

    public static AttemptTimeouts For(ProxyContext ctx, HttpRequestMessage request)
    {
        var route = ctx.Route!.Timeout?.Timeout ?? TimeSpan.Zero;
        var perTry = ctx.Route.Retries?.PerTryTimeout ?? TimeSpan.Zero;
        var headers = ctx.Http.Request.Headers;
        if (headers.TryGetValue(RouteTimeoutHeader, out var routeHeader))
        {
            request.Headers.Remove(RouteTimeoutHeader);
            if (IsInternal(ctx) && TryMilliseconds(routeHeader, out var ms)) route = ms;
        }
        if (headers.TryGetValue(PerTryTimeoutHeader, out var perTryHeader))
        {
            request.Headers.Remove(PerTryTimeoutHeader);
            if (IsInternal(ctx) && TryMilliseconds(perTryHeader, out var ms)) perTry = ms;
        }
        if (route > TimeSpan.Zero && perTry >= route) perTry = TimeSpan.Zero;
        return new AttemptTimeouts(route, perTry);
    }

    /// <summary>The caller is the workload beside the proxy (a loopback peer).</summary>
    public static bool IsInternal(ProxyContext ctx) => ctx.Http.Connection.RemoteIpAddress is { } ip && IPAddress.IsLoopback(ip);

    // Envoy reads a whole number of milliseconds; 0 means "no timeout"; anything else is ignored.
    private static bool TryMilliseconds(StringValues value, out TimeSpan timeout)
    {
        timeout = TimeSpan.Zero;
        if (value.Count != 1 || !ulong.TryParse(value[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ms)) return false;
        timeout = ms > int.MaxValue ? TimeSpan.FromMilliseconds(int.MaxValue) : TimeSpan.FromMilliseconds(ms);
        return true;
    }
}

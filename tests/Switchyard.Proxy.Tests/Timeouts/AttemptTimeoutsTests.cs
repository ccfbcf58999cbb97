using System.Net;
using Microsoft.AspNetCore.Http;
using Switchyard.Model;
using Switchyard.Model.Networking;
using Switchyard.Proxy.Pipeline;
using Switchyard.Proxy.Runtime;
using Switchyard.Proxy.Timeouts;
using Switchyard.Translation;
using Switchyard.Translation.Policies.Retries;
using Switchyard.Translation.Policies.Timeouts;
using Switchyard.Translation.Routes;

namespace Switchyard.Proxy.Tests.Timeouts;

/// <summary>Which timeouts an attempt loop runs with, and who may change them by header.</summary>
public sealed class AttemptTimeoutsTests
{
    private static (ProxyContext Ctx, HttpRequestMessage Request) Request(string remote, TimeSpan? routeTimeout, TimeSpan? perTry, params (string Name, string Value)[] headers)
    {
        var http = new DefaultHttpContext();
        http.Connection.RemoteIpAddress = IPAddress.Parse(remote);
        var message = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1:1/");
        foreach (var (name, value) in headers)
        {
            http.Request.Headers[name] = value;
            message.Headers.TryAddWithoutValidation(name, value);
        }
        var ctx = new ProxyContext(http, ProxyState.Empty, new HttpRequestView(http, 80), 0)
        {
            Route = new RouteEntry("r", RouteMatcher.Compile(null), [], new Provenance(new ResourceRef("VirtualService", "default", "r"), 0, default))
            {
                Timeout = routeTimeout is { } t ? new RouteTimeout(t) : null,
                Retries = perTry is { } p ? RetryPolicy.Default with { PerTryTimeout = p } : null,
            },
        };
        return (ctx, message);
    }

    [Fact]
    public void Route_and_per_try_timeouts_come_from_the_route()
    {
        var (ctx, message) = Request("127.0.0.1", TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(1));
        Assert.Equal(new AttemptTimeouts(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(1)), AttemptTimeouts.For(ctx, message));
    }

    [Fact]
    public void A_per_try_timeout_not_shorter_than_the_route_timeout_is_dropped()
    {
        var (ctx, message) = Request("127.0.0.1", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
        Assert.Equal(new AttemptTimeouts(TimeSpan.FromSeconds(1), TimeSpan.Zero), AttemptTimeouts.For(ctx, message));
    }

    [Fact]
    public void A_loopback_caller_can_replace_both_or_turn_the_route_timeout_off()
    {
        var (ctx, message) = Request("127.0.0.1", TimeSpan.FromSeconds(1), null,
            ("x-envoy-upstream-rq-timeout-ms", "0"), ("x-envoy-upstream-rq-per-try-timeout-ms", "250"));
        Assert.Equal(new AttemptTimeouts(TimeSpan.Zero, TimeSpan.FromMilliseconds(250)), AttemptTimeouts.For(ctx, message));
        Assert.False(message.Headers.Contains("x-envoy-upstream-rq-timeout-ms"));
        Assert.False(message.Headers.Contains("x-envoy-upstream-rq-per-try-timeout-ms"));
    }

    [Theory]
    [InlineData("10.1.2.3")]
    [InlineData("203.0.113.9")]
    public void A_remote_caller_cannot_lift_or_change_a_configured_timeout(string remote)
    {
        var (ctx, message) = Request(remote, TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(500),
            ("x-envoy-upstream-rq-timeout-ms", "0"), ("x-envoy-upstream-rq-per-try-timeout-ms", "60000"));
        Assert.Equal(new AttemptTimeouts(TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(500)), AttemptTimeouts.For(ctx, message));
        // Still removed: the headers never reach the upstream.
        Assert.False(message.Headers.Contains("x-envoy-upstream-rq-timeout-ms"));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-5")]
    [InlineData("1.5")]
    public void A_header_that_is_not_whole_milliseconds_is_ignored(string value)
    {
        var (ctx, message) = Request("127.0.0.1", TimeSpan.FromSeconds(1), null, ("x-envoy-upstream-rq-timeout-ms", value));
        Assert.Equal(TimeSpan.FromSeconds(1), AttemptTimeouts.For(ctx, message).Route);
    }
}

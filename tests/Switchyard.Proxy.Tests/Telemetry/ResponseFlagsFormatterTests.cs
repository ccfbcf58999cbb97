using Switchyard.Proxy.Telemetry;

namespace Switchyard.Proxy.Tests.Telemetry;

/// <summary>%RESPONSE_FLAGS% as Envoy's ResponseFlagUtils::toShortString prints it: the set
/// flags in Envoy's order (not the order they were set in), comma-joined, "-" for none.</summary>
public class ResponseFlagsFormatterTests
{
    [Theory]
    [InlineData(ResponseFlags.None, "-")]
    [InlineData(ResponseFlags.NoRouteFound, "NR")]
    [InlineData(ResponseFlags.UpstreamRetryLimitExceeded | ResponseFlags.UpstreamRequestTimeout, "UT,URX")]
    [InlineData(ResponseFlags.DelayInjected | ResponseFlags.UpstreamConnectionFailure, "UF,DI")]
    [InlineData(ResponseFlags.FaultInjected | ResponseFlags.DelayInjected, "DI,FI")]
    [InlineData(ResponseFlags.DownstreamConnectionTermination | ResponseFlags.DelayInjected, "DI,DC")]
    [InlineData(ResponseFlags.UpstreamRetryLimitExceeded | ResponseFlags.UpstreamOverflow | ResponseFlags.UpstreamConnectionFailure, "UF,UO,URX")]
    [InlineData(ResponseFlags.NoClusterFound | ResponseFlags.FailedLocalHealthCheck | ResponseFlags.UnconditionalDropOverload, "LH,NC,UDO")]
    public void Flags_print_in_envoys_order(ResponseFlags flags, string expected) =>
        Assert.Equal(expected, ResponseFlagsFormatter.Format(flags));

    [Fact]
    public void Every_flag_has_its_own_short_name()
    {
        var names = new HashSet<string>();
        foreach (var flag in Enum.GetValues<ResponseFlags>())
        {
            if (flag == ResponseFlags.None) continue;
            var name = ResponseFlagsFormatter.Format(flag);
            Assert.DoesNotContain(",", name, StringComparison.Ordinal);
            Assert.True(names.Add(name), $"{flag} repeats {name}");
        }
        Assert.Equal(30, names.Count);
    }
}

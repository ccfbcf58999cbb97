using Switchyard.Model.Networking;
using Switchyard.Translation.Policies.ConnectionPool;

namespace Switchyard.Tests.Translation.Policies.ConnectionPool;

public class PoolLimitsTests
{
    [Fact]
    public void Unset_or_zero_thresholds_are_Istio_2_pow_32_minus_1_and_limit_nothing()
    {
        var limits = PoolLimits.From(new ConnectionPoolSettings { Tcp = new() { MaxConnections = 0 }, Http = new() { Http2MaxRequests = 0 } });
        Assert.Equal(PoolLimits.Default, limits);
        Assert.True(limits.LimitsNothing);
        Assert.Equal(PoolLimits.Default, PoolLimits.From(null));
    }

    [Fact]
    public void Each_threshold_is_taken_from_its_field()
    {
        var limits = PoolLimits.From(new ConnectionPoolSettings
        {
            Tcp = new() { MaxConnections = 1 },
            Http = new() { Http1MaxPendingRequests = 2, Http2MaxRequests = 3, MaxRetries = 4, MaxRequestsPerConnection = 5 },
        });
        Assert.Equal(new PoolLimits(1, 2, 3, 4, 5, UpstreamProtocol.Http11), limits);
        Assert.False(limits.LimitsNothing);
    }

    [Theory]
    [InlineData(null, null, UpstreamProtocol.Http11)]
    [InlineData(H2UpgradePolicy.DEFAULT, null, UpstreamProtocol.Http11)]
    [InlineData(H2UpgradePolicy.DO_NOT_UPGRADE, null, UpstreamProtocol.Http11)]
    [InlineData(H2UpgradePolicy.UPGRADE, null, UpstreamProtocol.Http2)]
    [InlineData(H2UpgradePolicy.UPGRADE, true, UpstreamProtocol.ClientProtocol)]
    [InlineData(null, true, UpstreamProtocol.ClientProtocol)]
    public void Upstream_protocol_follows_useClientProtocol_then_h2UpgradePolicy(H2UpgradePolicy? upgrade, bool? client, UpstreamProtocol expected) =>
        Assert.Equal(expected, PoolLimits.From(new ConnectionPoolSettings { Http = new() { H2UpgradePolicy = upgrade, UseClientProtocol = client } }).Protocol);
}

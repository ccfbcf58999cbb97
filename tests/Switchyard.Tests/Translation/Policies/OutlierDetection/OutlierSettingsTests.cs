using Switchyard.Model;
using Switchyard.Translation.Policies.OutlierDetection;
using OD = Switchyard.Model.Networking.OutlierDetection;

namespace Switchyard.Tests.Translation.Policies.OutlierDetection;

public class OutlierSettingsTests
{
    [Fact]
    public void No_outlierDetection_means_no_detector() => Assert.Null(OutlierSettings.From(null));

    [Fact]
    public void Empty_outlierDetection_has_Envoy_defaults_and_Istio_panic_threshold_0()
    {
        var s = OutlierSettings.From(new OD())!;
        Assert.Equal(new OutlierSettings(5, 0, false, 0, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(300), 10, 0), s);
    }

    [Fact]
    public void Fields_override_defaults_and_zero_disables_5xx()
    {
        var s = OutlierSettings.From(new OD
        {
            Consecutive5xxErrors = 0, ConsecutiveGatewayErrors = 3, SplitExternalLocalOriginErrors = true, ConsecutiveLocalOriginFailures = 2,
            Interval = new Duration(1_000_000_000), BaseEjectionTime = new Duration(400_000_000_000), MaxEjectionPercent = 50, MinHealthPercent = 60,
        })!;
        Assert.Equal(new OutlierSettings(0, 3, true, 2, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(400), TimeSpan.FromSeconds(400), 50, 60), s);
    }

    [Fact]
    public void Deprecated_consecutiveErrors_counts_gateway_errors_only()
    {
        var s = OutlierSettings.From(new OD { ConsecutiveErrors = 7 })!;
        Assert.Equal((0u, 7u), (s.Consecutive5xx, s.ConsecutiveGatewayErrors));
    }

    [Fact]
    public void Local_origin_counter_defaults_to_5_only_when_split()
    {
        Assert.Equal(5u, OutlierSettings.From(new OD { SplitExternalLocalOriginErrors = true })!.ConsecutiveLocalOriginFailures);
        Assert.Equal(0u, OutlierSettings.From(new OD { ConsecutiveLocalOriginFailures = 3 })!.ConsecutiveLocalOriginFailures);
    }
}

using Switchyard.Model;
using Switchyard.Translation.Policies.Timeouts;

namespace Switchyard.Tests.Translation.Policies.Timeouts;

public sealed class RouteTimeoutTests
{
    [Fact]
    public void No_timeout_unless_the_rule_sets_one() => Assert.Null(RouteTimeout.From(null));

    [Fact]
    public void Zero_means_no_timeout_as_in_Envoy() => Assert.Null(RouteTimeout.From(Duration.FromSeconds(0)));

    [Fact]
    public void A_set_timeout_is_kept() =>
        Assert.Equal(TimeSpan.FromMilliseconds(1500), RouteTimeout.From(Duration.FromMilliseconds(1500))!.Timeout);
}

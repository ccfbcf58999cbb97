using Switchyard.Translation.Policies;
using static Switchyard.Tests.Translation.Policies.PolicyFixture;

namespace Switchyard.Tests.Translation.Policies.Mirror;

public class MirrorPolicyTests
{
    private const string Route = "route: [{destination: {host: reviews}}]\n";
    private const string Ratings = "outbound|80||ratings.default.svc.cluster.local";

    [Fact]
    public void Rule_without_mirror_compiles_to_null() => Assert.Null(Rule(Route).Mirror);

    [Fact]
    public void Mirror_without_percentage_copies_every_request_to_the_mirror_cluster()
    {
        var target = Assert.Single(Rule(Route + "mirror: {host: ratings}").Mirror!.Targets);
        Assert.Equal(Ratings, target.ClusterName);
        Assert.Equal(FractionPerMillion.All, target.Share);
    }

    [Fact]
    public void Mirror_percentage_is_a_fraction_and_the_deprecated_integer_is_a_fallback()
    {
        Assert.Equal(1000u, Rule(Route + "mirror: {host: ratings}\nmirrorPercentage: {value: 0.1}").Mirror!.Targets[0].Share.Numerator);
        Assert.Equal(300_000u, Rule(Route + "mirror: {host: ratings}\nmirrorPercent: 30").Mirror!.Targets[0].Share.Numerator);
    }

    [Fact]
    public void Explicit_zero_percentage_mirrors_nothing() =>
        Assert.Null(Rule(Route + "mirror: {host: ratings}\nmirrorPercentage: {value: 0}").Mirror);

    [Fact]
    public void Mirrors_list_keeps_each_target_with_its_own_share()
    {
        var targets = Rule(Route + "mirrors:\n- {destination: {host: ratings}, percentage: {value: 25}}\n- {destination: {host: reviews, port: {number: 80}}}").Mirror!.Targets;
        Assert.Equal(2, targets.Count);
        Assert.Equal((Ratings, 250_000u), (targets[0].ClusterName, targets[0].Share.Numerator));
        Assert.Equal(("outbound|80||reviews.default.svc.cluster.local", 1_000_000u), (targets[1].ClusterName, targets[1].Share.Numerator));
    }
}

using Switchyard.Tests.Sources;

namespace Switchyard.Tests.Cli;

/// <summary>
/// Istio's traffic-shifting tasks keep one file per step, each a version of the same
/// VirtualService (all traffic to v1, then 50/50 to v3, then all to v3), and people run
/// <c>analyze</c> on the directory that holds them. One VirtualService defined in several files is
/// not a VirtualService conflicting with itself (IST0109 with nobody to merge with); two
/// VirtualServices that share a host are.
/// </summary>
public class AnalyzeTrafficShiftingTests
{
    private static string Reviews(string name, params (string Subset, int Weight)[] split)
    {
        var routes = string.Concat(split.Select(s => $"""

                - destination:
                    host: reviews
                    subset: {s.Subset}
                  weight: {s.Weight}
            """));
        return $"""
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: {name}
            spec:
              hosts:
              - reviews
              http:
              - route:{routes}

            """;
    }

    private const string Subsets = """
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata:
          name: reviews
        spec:
          host: reviews
          subsets:
          - name: v1
            labels: {version: v1}
          - name: v3
            labels: {version: v3}
        """;

    [Fact]
    public void The_same_VirtualService_in_each_step_file_is_not_reported_as_conflicting_with_itself()
    {
        using var dir = new ConfigDirectory();
        dir.Write("destination-rule-reviews.yaml", Subsets);
        dir.Write("virtual-service-all-v1.yaml", Reviews("reviews", ("v1", 100)));
        dir.Write("virtual-service-reviews-50-v3.yaml", Reviews("reviews", ("v1", 50), ("v3", 50)));
        dir.Write("virtual-service-reviews-v3.yaml", Reviews("reviews", ("v3", 100)));

        var r = CliRunner.Run("analyze", "-o", "json", dir.Root);
        Assert.DoesNotContain("IST0109", r.Out);
        Assert.DoesNotContain("merge the routes of  into", r.Out);
        Assert.DoesNotContain("default/reviews,default/reviews", r.Out);
    }

    [Fact]
    public void A_step_file_with_an_error_is_reported_as_itself_not_as_a_conflict_with_the_good_step()
    {
        // An invalid definition is refused, not admitted, so it is not refused as a duplicate
        // either: both definitions of default/reviews reach the analyzers.
        using var dir = new ConfigDirectory();
        dir.Write("destination-rule-reviews.yaml", Subsets);
        dir.Write("virtual-service-all-v1.yaml", Reviews("reviews", ("v1", 100)));
        var bad = dir.Write("virtual-service-reviews-50-v3.yaml", Reviews("reviews", ("v1", -50), ("v3", 50)));

        var r = CliRunner.Run("analyze", dir.Root);
        Assert.Equal(79, r.ExitCode);
        Assert.Contains(r.OutLines, l => l.StartsWith($"Error [IST0106] (VirtualService default/reviews {bad}:", StringComparison.Ordinal)
                                         && l.EndsWith("weight -50 < 0", StringComparison.Ordinal));
        Assert.DoesNotContain("IST0109", r.Out);
        Assert.DoesNotContain("merge the routes of  into", r.Out);
    }

    [Fact]
    public void Two_VirtualServices_for_one_host_are_each_told_to_merge_the_other()
    {
        using var dir = new ConfigDirectory();
        dir.Write("destination-rule-reviews.yaml", Subsets);
        var first = dir.Write("reviews-v1.yaml", Reviews("reviews-v1", ("v1", 100)));
        dir.Write("reviews-v3.yaml", Reviews("reviews-v3", ("v3", 100)));

        var r = CliRunner.Run("analyze", "--analyzer", "virtualservice.ConflictingMeshGatewayHostsAnalyzer", dir.Root);
        Assert.Equal(79, r.ExitCode);
        var lines = r.OutLines.ToList();
        var at = lines.IndexOf($"Error [IST0109] (VirtualService default/reviews-v1 {first}:4) The VirtualServices default/reviews-v1,default/reviews-v3 "
                               + "associated with mesh gateway define the same host */reviews.default.svc.cluster.local which can lead to undefined behavior. "
                               + "This can be fixed by merging the conflicting VirtualServices into a single resource.");
        Assert.True(at >= 0, r.Out);
        Assert.StartsWith("hint: sidecars do not merge VirtualServices that share a host: merge the routes of default/reviews-v3 into default/reviews-v1 ", lines[at + 1]);
        Assert.Contains(lines, l => l.StartsWith("hint: sidecars do not merge VirtualServices that share a host: merge the routes of default/reviews-v1 into default/reviews-v3 ", StringComparison.Ordinal));
    }
}

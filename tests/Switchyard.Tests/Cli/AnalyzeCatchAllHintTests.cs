using Switchyard.Tests.Sources;

namespace Switchyard.Tests.Cli;

/// <summary>
/// IST0130's hint, followed as printed, must fix the order. Envoy takes the first route that
/// matches and a rule without matches matches everything, so "move the catch-all to the end" is
/// right only when it is the one match-less rule: with a second one, the moved rule would be the
/// dead one.
/// </summary>
public class AnalyzeCatchAllHintTests
{
    private const string Header = """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: reviews
        spec:
          hosts: [reviews]
          http:

        """;

    private const string CatchAll = """
          - name: catch-all
            route:
            - destination: {host: reviews}

        """;

    private const string Api = """
          - name: api
            match:
            - uri: {prefix: /api}
            route:
            - destination: {host: reviews}

        """;

    private const string Fallback = """
          - name: fallback
            route:
            - destination: {host: reviews}

        """;

    private static string[] Hints(string yaml)
    {
        using var dir = new ConfigDirectory();
        var r = CliRunner.Run("analyze", "--analyzer", "schema.ValidationAnalyzer.VirtualService", dir.Write("reviews.yaml", yaml));
        Assert.Equal(0, r.ExitCode); // IST0130 is a warning
        Assert.Contains(r.OutLines, l => l.StartsWith("Warning [IST0130]", StringComparison.Ordinal));
        return r.OutLines.Where(l => l.StartsWith("hint:", StringComparison.Ordinal)).ToArray();
    }

    [Fact]
    public void With_one_catch_all_the_hint_moves_it_to_the_end()
    {
        var hint = Assert.Single(Hints(Header + CatchAll + Api));
        Assert.Equal("hint: rule \"catch-all\" has no match, so it takes every request first: move rule \"catch-all\" to the end", hint);
    }

    [Fact]
    public void With_a_second_catch_all_no_hint_moves_one_behind_the_other()
    {
        // Moving "catch-all" to the end would leave it behind "fallback", unreachable in turn.
        var hints = Hints(Header + CatchAll + Api + Fallback);
        Assert.Equal(2, hints.Length);
        Assert.DoesNotContain(hints, h => h.Contains("to the end", StringComparison.Ordinal));
        Assert.Contains("hint: rules \"catch-all\", \"fallback\" have no match and rule \"catch-all\" takes every request first: "
                        + "keep one match-less rule, last, and give the others a match or remove them", hints);
        Assert.Contains("hint: rule \"catch-all\" has no match either and takes every request first: give one of them a match, or remove one", hints);
    }

    [Fact]
    public void Two_catch_alls_in_a_row_are_told_to_keep_one()
    {
        var hint = Assert.Single(Hints(Header + CatchAll + Fallback));
        Assert.DoesNotContain("to the end", hint);
        Assert.Contains("give one of them a match, or remove one", hint);
    }
}

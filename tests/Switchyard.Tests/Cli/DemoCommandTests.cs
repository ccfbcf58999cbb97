namespace Switchyard.Tests.Cli;

public class DemoCommandTests
{
    [Fact]
    public async Task Demo_routes_real_traffic_through_the_proxy_about_half_to_each_version()
    {
        // The README's main job, in-process: backends, proxy and 400 requests on examples/frontend.
        var r = await Task.Run(() => CliRunner.Run("demo", "--config", CliRunner.Example("frontend"), "--requests", "400"));
        Assert.True(r.ExitCode == 0, r.Out + r.Err);
        var v1 = ShareOf(r.Out, "frontend v1");
        var v2 = ShareOf(r.Out, "frontend v2");
        Assert.Equal(400, v1 + v2);
        // 50/50 split; binomial sd at n=400 is 10 requests, so ±60 is 6 sd.
        Assert.InRange(v1, 140, 260);
        // The proxy is gone when the command returns: no curl line, the way to keep it up instead.
        Assert.DoesNotContain("curl -H", r.Out);
        Assert.Contains("--keep-running", r.Out);
    }

    private static int ShareOf(string output, string backend)
    {
        var line = output.Split('\n').Single(l => l.TrimStart().StartsWith(backend, StringComparison.Ordinal) && !l.Contains("Deployment"));
        return int.Parse(line.Trim()[backend.Length..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[0]);
    }
}

using System.Diagnostics;

namespace Switchyard.Proxy.Tests.Dashboard;

/// <summary>Debian's Chromium (<c>/usr/bin/chromium</c>, installed by <c>.ci/run</c>) run headless
/// on a page: the DOM after its scripts ran (<c>--dump-dom</c>) or a screenshot. Virtual time
/// (<c>--virtual-time-budget</c>) lets the page's one-second refresh run a few times, waiting for
/// each fetch, without the test sleeping.</summary>
public static class HeadlessChromium
{
    public const string Executable = "/usr/bin/chromium";

    public static async Task<string> DumpDomAsync(Uri page, int virtualMilliseconds) =>
        await RunAsync(page, virtualMilliseconds, "--dump-dom");

    public static async Task ScreenshotAsync(Uri page, int virtualMilliseconds, string pngPath) =>
        await RunAsync(page, virtualMilliseconds, $"--screenshot={pngPath}", "--window-size=1100,1000", "--hide-scrollbars");

    private static async Task<string> RunAsync(Uri page, int virtualMilliseconds, params string[] extra)
    {
        Assert.True(File.Exists(Executable), $"{Executable} is missing: apt-get install chromium (.ci/run does)");
        var profile = Directory.CreateTempSubdirectory("switchyard-chromium-");
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
        foreach (var arg in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
                     $"--user-data-dir={profile.FullName}", $"--virtual-time-budget={virtualMilliseconds}" })
            start.ArgumentList.Add(arg);
        foreach (var arg in extra) start.ArgumentList.Add(arg);
        start.ArgumentList.Add(page.ToString());
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        limit.CancelAfter(TimeSpan.FromSeconds(120));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        finally
        {
            try { profile.Delete(recursive: true); } catch (IOException) { }
        }
        Assert.True(process.ExitCode == 0, $"chromium exited {process.ExitCode}: {await stderr}");
        return await stdout;
    }
}

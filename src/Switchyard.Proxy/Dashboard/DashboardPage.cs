namespace Switchyard.Proxy.Dashboard;

/// <summary>The dashboard served at <c>GET /</c> on the admin port: one HTML page with its script
/// inline, embedded in the binary (no CDN, no build step). It reads <c>/stats</c> every second.</summary>
public static class DashboardPage
{
    public static readonly string Html = Load();

    private static string Load()
    {
        using var stream = typeof(DashboardPage).Assembly.GetManifestResourceStream("Switchyard.Proxy.Dashboard.dashboard.html")
            ?? throw new InvalidOperationException("the dashboard page is not embedded in Switchyard.Proxy");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Switchyard.Loading;
using Switchyard.Proxy.Hosting;
using Switchyard.Sources;

namespace Switchyard.Proxy.Tests.Soak;

/// <summary>The soak tests' proxy: a real <see cref="SwitchyardHost"/> on a free loopback port, no admin listener, seeded randomness, no logs.</summary>
internal static class SoakHost
{
    /// <summary>Serving the resources of <paramref name="yaml"/> (an in-memory source).</summary>
    public static Task<SwitchyardHost> StartAsync(string yaml, int? maxConnections = null, DownstreamLimits? limits = null)
    {
        var config = new InMemorySource();
        config.Set(ConfigLoader.LoadText(yaml, "test.yaml").Resources);
        return StartAsync(config, maxConnections, limits);
    }

    public static Task<SwitchyardHost> StartAsync(IConfigSource source, int? maxConnections = null, DownstreamLimits? limits = null) =>
        SwitchyardHost.StartAsync(new SwitchyardHostOptions
        {
            Listen = new IPEndPoint(IPAddress.Loopback, 0),
            Admin = null,
            Sources = [source],
            Random = new SeededRandom(1),
            LoggerFactory = NullLoggerFactory.Instance,
            MaxConnections = maxConnections,
            Limits = limits ?? new DownstreamLimits(),
        }, TestContext.Current.CancellationToken);
}

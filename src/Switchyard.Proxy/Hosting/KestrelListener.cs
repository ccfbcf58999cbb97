using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Switchyard.Proxy.Hosting;

/// <summary>
/// One Kestrel listener: a slim WebApplication on one endpoint with one terminal handler and no
/// middleware pipeline. Kestrel's own warnings and errors go to the host's logger.
/// </summary>
internal sealed class KestrelListener : IAsyncDisposable
{
    private readonly WebApplication _app;

    private KestrelListener(string name, WebApplication app, Uri uri)
    {
        Name = name;
        _app = app;
        Uri = uri;
    }

    public string Name { get; }

    /// <summary>The bound address (the real port when port 0 was asked for).</summary>
    public Uri Uri { get; }

    public static async Task<KestrelListener> StartAsync(ListenerRegistration registration, TimeProvider time, ILoggerFactory logs, CancellationToken ct)
    {
        var app = Build(registration, time, logs);
        try
        {
            registration.Map(app);
            await app.StartAsync(ct).ConfigureAwait(false);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new KestrelListener(registration.Name, app, new Uri(address));
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static WebApplication Build(ListenerRegistration registration, TimeProvider time, ILoggerFactory logs)
    {
        var (endpoint, protocols) = (registration.Endpoint, registration.Protocols);
        var builder = WebApplication.CreateSlimBuilder();
        // Kestrel's sockets, with an accept loop that backs off when the process is out of files.
        builder.Services.AddSingleton<IConnectionListenerFactory>(new BackoffSocketTransport(time, logs.CreateLogger("Switchyard.Listener"), registration.ConnectionLimit));
        builder.Logging.ClearProviders();
        // Kestrel's warnings and errors (a handler that threw, a bad certificate) in the host's log;
        // its per-connection chatter stays below the threshold and costs an IsEnabled check.
        builder.Logging.AddProvider(new ForwardingLoggerProvider(logs));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // Kestrel warns at start that a cleartext Http1AndHttp2 endpoint speaks only HTTP/1.1;
        // Http2PriorKnowledgeSelector makes that untrue, so only Kestrel's errors are shown.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Server.Kestrel", LogLevel.Error);
        // ASP.NET's hosting diagnostics open a logging scope for every request whenever its logger
        // is enabled at any level (HostingApplicationDiagnostics.BeginRequest checks Critical):
        // an allocation and work per request for nothing we log. Off, as with no provider at all.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting", LogLevel.None);
        // A listener that cannot bind is reported once, by the host, in one line; the generic
        // host would log the same failure again with its stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting", LogLevel.None);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = null;
            if (registration.Limits is { } limits)
            {
                // 431, 408 and 413, Envoy's answers for the same limits (see DownstreamLimits).
                k.Limits.MaxRequestHeadersTotalSize = limits.MaxRequestHeadersSize;
                k.Limits.RequestHeadersTimeout = limits.RequestHeadersTimeout;
                k.Limits.MaxRequestBodySize = limits.MaxRequestBodySize;
            }
            k.Listen(endpoint, l =>
            {
                l.Protocols = protocols;
                if (registration.Certificate is { } certificate) l.UseHttps(certificate);
                // The cap runs first, so a refused connection costs nothing more.
                if (registration.ConnectionLimit is { } cap) l.Use(cap.Middleware);
                // Kestrel offers HTTP/2 on a cleartext endpoint only when it is the sole protocol;
                // the selector adds h2c prior knowledge beside HTTP/1.1 on the same port.
                if (protocols == HttpProtocols.Http1AndHttp2)
                {
                    // The selector marks h2c connections as TLS so that Kestrel believes their
                    // "h2"; Kestrel would then expect :scheme https. Take :scheme as the client
                    // sent it, as Envoy does for HTTP/2 downstreams.
                    k.AllowAlternateSchemes = true;
                    var keepAlive = k.Limits.KeepAliveTimeout;
                    l.Use(next => new Http2PriorKnowledgeSelector(next, keepAlive, time).OnConnectionAsync);
                }
            });
        });
        builder.Services.AddHttpForwarder();
        return builder.Build();
    }

    /// <summary>Stops accepting, lets requests in flight finish (Kestrel's shutdown timeout), closes.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await _app.StopAsync().ConfigureAwait(false);
        }
        finally
        {
            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }
}

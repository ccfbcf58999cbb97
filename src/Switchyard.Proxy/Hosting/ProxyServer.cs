using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Switchyard.Proxy.Admin;
using Switchyard.Proxy.Pipeline;
using Switchyard.Proxy.Runtime;
using Yarp.ReverseProxy.Forwarder;

namespace Switchyard.Proxy.Hosting;

/// <summary>
/// The proxy listener (Kestrel, HTTP/1.1 and h2c, one terminal handler, no middleware
/// pipeline) and the admin listener, over one <see cref="ProxyStateHolder"/>.
/// </summary>
public sealed class ProxyServer : IAsyncDisposable
{
    private readonly WebApplication _proxy;
    private readonly WebApplication? _admin;

    private ProxyServer(WebApplication proxy, WebApplication? admin, ProxyStateHolder state, Uri proxyUri, Uri? adminUri)
    {
        _proxy = proxy;
        _admin = admin;
        State = state;
        ProxyUri = proxyUri;
        AdminUri = adminUri;
    }

    public ProxyStateHolder State { get; }

    public Uri ProxyUri { get; }

    public Uri? AdminUri { get; }

    public static async Task<ProxyServer> StartAsync(ProxyServerOptions options, ProxyStateHolder state, AdminData adminData, CancellationToken cancellationToken = default)
    {
        var proxy = Build(options.Listen, HttpProtocols.Http1AndHttp2, options.Time);
        var forwarder = proxy.Services.GetRequiredService<IHttpForwarder>();
        var handler = new ProxyHandler(state, forwarder, options.Random, options.Time, options.Listen.Port, options.OnOutcome);
        proxy.Run(handler.HandleAsync);
        await proxy.StartAsync(cancellationToken).ConfigureAwait(false);
        var proxyUri = BoundUri(proxy);

        WebApplication? admin = null;
        Uri? adminUri = null;
        if (options.Admin is not null)
        {
            admin = Build(options.Admin, HttpProtocols.Http1, options.Time);
            AdminEndpoints.Map(admin, state, adminData);
            await admin.StartAsync(cancellationToken).ConfigureAwait(false);
            adminUri = BoundUri(admin);
        }
        return new ProxyServer(proxy, admin, state, proxyUri, adminUri);
    }

    private static WebApplication Build(IPEndPoint endpoint, HttpProtocols protocols, TimeProvider time)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = null;
            k.Listen(endpoint, l =>
            {
                l.Protocols = protocols;
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

    private static Uri BoundUri(WebApplication app)
    {
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address);
    }

    public async ValueTask DisposeAsync()
    {
        await _proxy.StopAsync().ConfigureAwait(false);
        await _proxy.DisposeAsync().ConfigureAwait(false);
        if (_admin is not null)
        {
            await _admin.StopAsync().ConfigureAwait(false);
            await _admin.DisposeAsync().ConfigureAwait(false);
        }
    }
}

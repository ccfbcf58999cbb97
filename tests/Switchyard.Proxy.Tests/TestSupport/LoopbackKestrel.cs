using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Switchyard.Proxy.Tests.TestSupport;

/// <summary>
/// The one way test backends start: a real Kestrel app on 127.0.0.1 at a port the OS picks (so
/// parallel tests never collide), no logging, one request handler. Each backend keeps its own
/// behavior and state and delegates the hosting here.
/// </summary>
public sealed class LoopbackKestrel : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackKestrel(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    public int Port { get; }

    /// <param name="handler">Answers every request.</param>
    /// <param name="protocols">What the listener speaks; Kestrel's default is HTTP/1.1 and h2c by prior knowledge.</param>
    /// <param name="middleware">Added before <paramref name="handler"/> (e.g. <c>UseWebSockets</c>).</param>
    public static async Task<LoopbackKestrel> StartAsync(RequestDelegate handler, HttpProtocols protocols = HttpProtocols.Http1AndHttp2,
        Action<IApplicationBuilder>? middleware = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            // A test backend takes any body: limits are the proxy's business, not the backend's.
            k.Limits.MaxRequestBodySize = null;
            k.Listen(IPAddress.Loopback, 0, l => l.Protocols = protocols);
        });
        var app = builder.Build();
        middleware?.Invoke(app);
        app.Run(handler);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LoopbackKestrel(app, new Uri(address).Port);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

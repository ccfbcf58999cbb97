using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Switchyard.Proxy.Demo;

/// <summary>
/// A real Kestrel backend that answers with its name (e.g. <c>frontend v1</c>) and the request
/// headers it received: the demo's pods, and the tests' backends.
/// </summary>
public sealed class EchoBackend : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EchoBackend(WebApplication app, string name, int port)
    {
        _app = app;
        Name = name;
        Port = port;
    }

    /// <summary>First line of every response body.</summary>
    public string Name { get; }

    public int Port { get; }

    /// <summary>Requests served so far.</summary>
    public int Requests => _requests;

    private int _requests;

    /// <summary>Status code to answer with (tests make a backend fail).</summary>
    public int Status { get; set; } = 200;

    public static async Task<EchoBackend> StartAsync(string name, int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port, l => l.Protocols = HttpProtocols.Http1AndHttp2));
        var app = builder.Build();
        EchoBackend? self = null;
        app.Run(async context =>
        {
            Interlocked.Increment(ref self!._requests);
            context.Response.StatusCode = self.Status;
            context.Response.ContentType = "text/plain";
            var body = new StringBuilder().Append(name).Append('\n');
            body.Append(context.Request.Method).Append(' ').Append(context.Request.Path).Append(context.Request.QueryString).Append('\n');
            foreach (var (key, value) in context.Request.Headers) body.Append(key.ToLowerInvariant()).Append(": ").Append(value.ToString()).Append('\n');
            await context.Response.WriteAsync(body.ToString());
        });
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        self = new EchoBackend(app, name, address.Port);
        return self;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

using System.Collections.Concurrent;
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
/// A real Kestrel backend whose every answer a test scripts: the handler gets the request and its
/// 1-based number at this backend, and may answer any status, reset the connection
/// (<see cref="HttpContext.Abort"/>) or wait for a signal. It counts requests and keeps each
/// request's body and headers, so a test can see what each attempt carried.
/// </summary>
public sealed class ScriptedBackend : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _requests;

    private ScriptedBackend(WebApplication app, string name)
    {
        _app = app;
        Name = name;
    }

    public string Name { get; }

    public int Port { get; private set; }

    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Each request's body, as text, in arrival order.</summary>
    public ConcurrentQueue<string> Bodies { get; } = new();

    /// <summary>Each request's headers (lower-case names), in arrival order.</summary>
    public ConcurrentQueue<Dictionary<string, string>> Headers { get; } = new();

    /// <summary>Released at dispose, so handlers waiting on it end.</summary>
    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static async Task<ScriptedBackend> StartAsync(string name, Func<HttpContext, int, ScriptedBackend, Task> handler)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = null;
            k.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http1AndHttp2);
        });
        var app = builder.Build();
        var self = new ScriptedBackend(app, name);
        app.Run(async context =>
        {
            var n = Interlocked.Increment(ref self._requests);
            self.Headers.Enqueue(context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString()));
            using (var reader = new StreamReader(context.Request.Body))
                self.Bodies.Enqueue(await reader.ReadToEndAsync(context.RequestAborted));
            await handler(context, n, self);
        });
        await app.StartAsync();
        self.Port = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;
        return self;
    }

    /// <summary>Answers <paramref name="status"/> with the backend's name as the body.</summary>
    public static async Task AnswerAsync(HttpContext context, ScriptedBackend self, int status = 200)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain";
        await context.Response.WriteAsync(self.Name + "\n");
    }

    public async ValueTask DisposeAsync()
    {
        Release.TrySetResult();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Switchyard.Proxy.Tests.TestSupport;

/// <summary>
/// A real Kestrel backend whose every answer a test scripts: the handler gets the request and its
/// 1-based number at this backend, and may answer any status, reset the connection
/// (<see cref="HttpContext.Abort"/>) or wait at the backend's gate until <see cref="Release"/>
/// (so a test can fill a pool or hold concurrent requests deterministically, without timing).
/// It counts requests and keeps each request's connection id, body and headers, so a test can see
/// what each attempt carried and on which connection.
/// </summary>
public sealed class ScriptedBackend : IAsyncDisposable
{
    private readonly Func<HttpContext, int, ScriptedBackend, Task> _handler;
    private LoopbackKestrel _server = null!;
    private TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _requests;

    private ScriptedBackend(string name, Func<HttpContext, int, ScriptedBackend, Task> handler)
    {
        Name = name;
        _handler = handler;
    }

    public string Name { get; }

    public int Port => _server.Port;

    /// <summary>Requests that reached the backend (held at the gate or not).</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Each request's connection id, in arrival order.</summary>
    public ConcurrentQueue<string> ConnectionIds { get; } = new();

    /// <summary>Each request's body, as text, in arrival order.</summary>
    public ConcurrentQueue<string> Bodies { get; } = new();

    /// <summary>Each request's headers (lower-case names), in arrival order.</summary>
    public ConcurrentQueue<Dictionary<string, string>> Headers { get; } = new();

    /// <summary>Completes at <see cref="Release"/> or at dispose; closed from the start, and again after <see cref="Hold"/>.</summary>
    public Task Released => Volatile.Read(ref _gate).Task;

    public static async Task<ScriptedBackend> StartAsync(string name, Func<HttpContext, int, ScriptedBackend, Task> handler,
        HttpProtocols protocols = HttpProtocols.Http1AndHttp2)
    {
        var self = new ScriptedBackend(name, handler);
        self._server = await LoopbackKestrel.StartAsync(self.HandleAsync, protocols);
        return self;
    }

    private async Task HandleAsync(HttpContext context)
    {
        ConnectionIds.Enqueue(context.Connection.Id);
        var n = Interlocked.Increment(ref _requests);
        Headers.Enqueue(context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString()));
        using (var reader = new StreamReader(context.Request.Body))
            Bodies.Enqueue(await reader.ReadToEndAsync(context.RequestAborted));
        await _handler(context, n, this);
    }

    /// <summary>Opens the gate: every waiting and future request goes through.</summary>
    public void Release() => Volatile.Read(ref _gate).TrySetResult();

    /// <summary>Closes the gate again from now on.</summary>
    public void Hold() => Volatile.Write(ref _gate, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    /// <summary>Answers <paramref name="status"/> with the backend's name as the body.</summary>
    public static async Task AnswerAsync(HttpContext context, ScriptedBackend self, int status = 200)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain";
        await context.Response.WriteAsync(self.Name + "\n");
    }

    /// <summary>Answers 200 with the protocol the request arrived in ("HTTP/1.1", "HTTP/2").</summary>
    public static Task AnswerProtocolAsync(HttpContext context) => context.Response.WriteAsync(context.Request.Protocol);

    public async ValueTask DisposeAsync()
    {
        // Handlers still waiting at the gate end, so the server can stop.
        Release();
        if (_server is not null) await _server.DisposeAsync();
    }
}

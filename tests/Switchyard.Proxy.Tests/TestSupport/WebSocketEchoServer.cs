using System.Net.WebSockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Switchyard.Proxy.Tests.TestSupport;

/// <summary>A real Kestrel WebSocket backend that sends every message back as it came, and
/// remembers the Host of the last upgrade request it accepted.</summary>
public sealed class WebSocketEchoServer : IAsyncDisposable
{
    private LoopbackKestrel _server = null!;
    private volatile string? _lastHost;

    private WebSocketEchoServer()
    {
    }

    public int Port => _server.Port;

    /// <summary>The Host header of the last WebSocket handshake.</summary>
    public string? LastHost => _lastHost;

    public static async Task<WebSocketEchoServer> StartAsync()
    {
        var self = new WebSocketEchoServer();
        self._server = await LoopbackKestrel.StartAsync(self.EchoAsync, middleware: app => app.UseWebSockets());
        return self;
    }

    private async Task EchoAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync("websocket only");
            return;
        }
        _lastHost = context.Request.Host.Value;
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var buffer = new byte[16 * 1024];
        while (true)
        {
            var received = await socket.ReceiveAsync(buffer, context.RequestAborted);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", context.RequestAborted);
                return;
            }
            await socket.SendAsync(buffer.AsMemory(0, received.Count), received.MessageType, received.EndOfMessage, context.RequestAborted);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
    }
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Switchyard.Proxy.KubeApi;

/// <summary>
/// A watch (<c>?watch=true</c>): one JSON object per line, <c>{"type":"ADDED|MODIFIED|DELETED|BOOKMARK|ERROR","object":...}</c>,
/// flushed as each change happens, until the client goes, <c>timeoutSeconds</c> pass or the
/// server stops. With <c>allowWatchBookmarks</c> a quiet watch gets a BOOKMARK carrying the
/// current resourceVersion, so a client can resume from it; a resourceVersion too old to resume
/// from is one ERROR event with a 410 Status (<c>too old resource version</c>), as the API server
/// sends it. The watcher is removed from the store however the stream ends.
/// </summary>
internal sealed class WatchStream(ObjectStore store, TimeProvider time, TimeSpan bookmarkInterval)
{
    public async Task RunAsync(HttpContext ctx, ResourcePath p, Func<StoredObject, bool> filter, bool table, CancellationToken stopping)
    {
        var q = ctx.Request.Query;
        long? from = long.TryParse(q["resourceVersion"], NumberStyles.None, CultureInfo.InvariantCulture, out var rv) && rv > 0 ? rv : null;
        var bookmarks = q["allowWatchBookmarks"] == "true";
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ctx.RequestAborted, stopping);
        if (int.TryParse(q["timeoutSeconds"], out var timeout) && timeout > 0) cts.CancelAfter(TimeSpan.FromSeconds(timeout));
        var ct = cts.Token;

        ctx.Response.StatusCode = 200;
        ctx.Response.ContentType = "application/json";
        ObjectStore.Watcher watcher;
        try
        {
            watcher = store.Watch(p.Resource, p.Resource.Namespaced ? p.Namespace : null, from, filter);
        }
        catch (StatusError gone)
        {
            await WriteEventAsync(ctx, "ERROR", gone.ToStatus(), CancellationToken.None).ConfigureAwait(false);
            return;
        }
        using (watcher)
        {
            try
            {
                // The headers go now: a client waits for them before it reads events.
                await ctx.Response.StartAsync(ct).ConfigureAwait(false);
                await ctx.Response.Body.FlushAsync(ct).ConfigureAwait(false);
                await PumpAsync(ctx, p, watcher, bookmarks, table, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // The client went, its timeout passed, or the server is stopping: the stream ends.
            }
            catch (IOException)
            {
                // The client's connection broke mid-event.
            }
        }
    }

    private async Task PumpAsync(HttpContext ctx, ResourcePath p, ObjectStore.Watcher watcher, bool bookmarks, bool table, CancellationToken ct)
    {
        var reader = watcher.Events;
        while (!ct.IsCancellationRequested)
        {
            while (reader.TryRead(out var e))
            {
                var obj = ObjectVerbs.View(e.Object.Object, p.ApiVersion);
                JsonNode payload = table ? TableOutput.Build(p.Resource, [obj], null, time.GetUtcNow(), includeObject: false) : obj;
                await WriteEventAsync(ctx, e.Type, payload, ct).ConfigureAwait(false);
            }
            using var quiet = CancellationTokenSource.CreateLinkedTokenSource(ct);
            if (bookmarks) quiet.CancelAfter(bookmarkInterval);
            try
            {
                if (!await reader.WaitToReadAsync(quiet.Token).ConfigureAwait(false)) return;
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                await WriteEventAsync(ctx, "BOOKMARK", Bookmark(p), ct).ConfigureAwait(false);
            }
        }
    }

    private JsonObject Bookmark(ResourcePath p) => new()
    {
        ["kind"] = p.Resource.Kind,
        ["apiVersion"] = p.ApiVersion,
        ["metadata"] = new JsonObject { ["resourceVersion"] = store.ResourceVersion.ToString(CultureInfo.InvariantCulture) },
    };

    private static async Task WriteEventAsync(HttpContext ctx, string type, JsonNode obj, CancellationToken ct)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("type", type);
            writer.WritePropertyName("object");
            obj.WriteTo(writer);
            writer.WriteEndObject();
        }
        await ctx.Response.Body.WriteAsync(buffer.WrittenMemory, ct).ConfigureAwait(false);
        await ctx.Response.Body.WriteAsync("\n"u8.ToArray(), ct).ConfigureAwait(false);
        await ctx.Response.Body.FlushAsync(ct).ConfigureAwait(false);
    }
}

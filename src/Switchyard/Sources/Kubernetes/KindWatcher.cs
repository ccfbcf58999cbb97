using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace Switchyard.Sources.Kubernetes;

/// <summary>
/// List-then-watch of one kind, as client-go's reflector does: list (the complete set and its
/// resourceVersion), then watch from that resourceVersion with bookmarks, following it with each
/// event and bookmark. A watch that ends or drops mid-stream is resumed from the last
/// resourceVersion seen; 410 Gone (the version was compacted) means list again; an unreachable
/// server is retried with backoff (1 s doubling to 30 s) while the last good config keeps serving.
/// </summary>
internal sealed class KindWatcher(ClusterConnection connection, WatchedKind kind, IObjectSink sink, TimeProvider time, ILogger logger, string source)
{
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    private string? _version;
    private string? _resourceVersion;

    /// <summary>The resourceVersion the next watch starts from; null until a list succeeded.</summary>
    public string? ResourceVersion => _resourceVersion;

    /// <summary>Lists once: the kind's objects go to the sink. False when the server does not serve the kind or cannot be reached.</summary>
    public async Task<bool> ListAsync(CancellationToken ct)
    {
        foreach (var version in _version is null ? kind.Versions : [_version])
        {
            using var response = await connection.Http.GetAsync(kind.Path(version), ct).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.NotFound) continue;
            response.EnsureSuccessStatusCode();
            var list = JsonNode.Parse(await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false)) as JsonObject
                ?? throw new JsonException("the list is not an object");
            var items = (list["items"] as JsonArray ?? []).OfType<JsonObject>().Select(o => WithKind(o, version)).ToList();
            sink.Replace(kind, items);
            _version = version;
            _resourceVersion = list["metadata"]?["resourceVersion"]?.GetValue<string>();
            Log.Listed(logger, source, kind.Kind, version, items.Count, _resourceVersion ?? "");
            return true;
        }
        return false;
    }

    public async Task RunAsync(CancellationToken ct)
    {
        var failures = 0;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                if (_resourceVersion is null && !await ListAsync(ct).ConfigureAwait(false))
                {
                    // Not served (no Istio CRDs on this cluster): look again later.
                    await Task.Delay(MaxBackoff, time, ct).ConfigureAwait(false);
                    continue;
                }
                if (await WatchAsync(ct).ConfigureAwait(false)) failures = 0;
            }
            catch (GoneException)
            {
                Log.Relist(logger, source, kind.Kind, _resourceVersion ?? "");
                _resourceVersion = null;
            }
            catch (Exception e) when (!ct.IsCancellationRequested && e is HttpRequestException or IOException or JsonException or InvalidOperationException or TaskCanceledException)
            {
                failures++;
                var delay = TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, TimeSpan.FromSeconds(1).Ticks << Math.Min(failures - 1, 10)));
                Log.WatchFailed(logger, source, kind.Kind, e.GetType().Name, e.Message, delay);
                await Task.Delay(delay, time, ct).ConfigureAwait(false);
            }
        }
    }

    /// <summary>One watch, until the stream ends; true when it delivered anything (a healthy server).</summary>
    private async Task<bool> WatchAsync(CancellationToken ct)
    {
        var url = $"{kind.Path(_version!)}?watch=true&allowWatchBookmarks=true&resourceVersion={Uri.EscapeDataString(_resourceVersion!)}";
        using var response = await connection.Http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Gone) throw new GoneException();
        response.EnsureSuccessStatusCode();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false));
        var delivered = false;
        while (true)
        {
            string? line;
            try
            {
                line = await reader.ReadLineAsync(ct).ConfigureAwait(false);
            }
            catch (Exception e) when (delivered && e is IOException or HttpRequestException)
            {
                // Dropped mid-stream: resume from the last resourceVersion seen.
                return true;
            }
            if (line is null) return true;
            if (line.Length == 0) continue;
            Apply(JsonNode.Parse(line) as JsonObject ?? throw new JsonException("a watch event is not an object"));
            delivered = true;
        }
    }

    private void Apply(JsonObject e)
    {
        var type = e["type"]?.GetValue<string>();
        var obj = e["object"] as JsonObject ?? throw new JsonException("a watch event without an object");
        if (type == "ERROR")
        {
            if (obj["code"]?.GetValue<int>() == 410) throw new GoneException();
            throw new InvalidOperationException($"watch error: {obj["message"]?.GetValue<string>()}");
        }
        var rv = obj["metadata"]?["resourceVersion"]?.GetValue<string>();
        switch (type)
        {
            case "ADDED" or "MODIFIED": sink.Upsert(kind, WithKind(obj, _version!)); break;
            case "DELETED": sink.Remove(kind, obj); break;
        }
        if (rv is not null) _resourceVersion = rv;
    }

    /// <summary>List items carry no kind; the admission reads apiVersion and kind from the object.</summary>
    private JsonObject WithKind(JsonObject obj, string version)
    {
        obj["apiVersion"] = kind.Group.Length == 0 ? version : $"{kind.Group}/{version}";
        obj["kind"] = kind.Kind;
        return obj;
    }

    private sealed class GoneException : Exception;

    internal static string Key(WatchedKind kind, JsonObject obj) =>
        string.Create(CultureInfo.InvariantCulture, $"{kind.Kind}/{obj["metadata"]?["namespace"]?.GetValue<string>()}/{obj["metadata"]?["name"]?.GetValue<string>()}");
}

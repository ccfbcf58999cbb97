using System.Net.Sockets;
using System.Text.Json;
using Switchyard.Explain;
using Switchyard.Translation;

namespace Switchyard.Cli.Commands.ProxyConfig;

/// <summary>Where <c>proxy-config</c> reads from, as istioctl: a running proxy's admin port
/// (<c>--admin</c>, default <c>http://127.0.0.1:15000</c>), a saved dump (<c>--file</c>), or a config
/// directory translated offline (<c>-f</c>).</summary>
public static class ProxyDumpSource
{
    public static async Task<ProxyDump> ReadAsync(string admin, string? file, string[]? configPaths, string ns)
    {
        if (configPaths is { Length: > 0 })
        {
            var mesh = OfflineMesh.Read(configPaths, ns);
            if (mesh.Load.InputErrors.Count > 0) throw new ProxyConfigException(mesh.Load.InputErrors[0].Message);
            return new ProxyDump(ProxyDump.ParseConfig(SnapshotJson.Write(mesh.Snapshot), "translation"), null, null);
        }
        if (file is not null)
        {
            string text;
            try
            {
                text = await File.ReadAllTextAsync(file).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new ProxyConfigException($"cannot read {file}: {e.Message}");
            }
            return new ProxyDump(ProxyDump.ParseConfig(text, file), null, null);
        }
        return await FromAdminAsync(admin).ConfigureAwait(false);
    }

    private static async Task<ProxyDump> FromAdminAsync(string admin)
    {
        if (!Uri.TryCreate(admin.Contains("://", StringComparison.Ordinal) ? admin : "http://" + admin, UriKind.Absolute, out var baseUri))
            throw new ProxyConfigException($"--admin {admin}: not an address (expected http://HOST:PORT)");
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(10) };
        var config = ProxyDump.ParseConfig(await GetAsync(http, "/config_dump").ConfigureAwait(false), new Uri(baseUri, "/config_dump").ToString());
        var clusters = Json(await GetAsync(http, "/clusters?format=json").ConfigureAwait(false), new Uri(baseUri, "/clusters"));
        var listeners = Json(await GetAsync(http, "/listeners?format=json").ConfigureAwait(false), new Uri(baseUri, "/listeners"));
        return new ProxyDump(config, clusters, listeners);
    }

    private static JsonElement Json(string text, Uri from)
    {
        try
        {
            return JsonDocument.Parse(text).RootElement;
        }
        catch (JsonException e)
        {
            throw new ProxyConfigException($"{from}: not JSON ({e.Message})");
        }
    }

    private static async Task<string> GetAsync(HttpClient http, string path)
    {
        var url = new Uri(http.BaseAddress!, path);
        try
        {
            using var response = await http.GetAsync(path).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
                throw new ProxyConfigException($"{url}: HTTP {(int)response.StatusCode}; is this a Switchyard admin port?");
            return await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            var why = e.InnerException is SocketException s ? s.Message : e.Message;
            throw new ProxyConfigException($"cannot reach the admin API at {http.BaseAddress}: {why}");
        }
        catch (TaskCanceledException)
        {
            throw new ProxyConfigException($"{url}: no answer within 10s");
        }
    }
}

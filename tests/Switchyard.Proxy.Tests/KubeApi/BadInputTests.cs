using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Switchyard.Proxy.Tests.TestSupport;

namespace Switchyard.Proxy.Tests.KubeApi;

/// <summary>
/// What the config API answers to bad requests: the Kubernetes status code and a Status body
/// with its reason, and nothing stored; a watch client that goes away leaves no watch behind.
/// </summary>
public sealed class BadInputTests
{
    private const string Collection = "/apis/networking.istio.io/v1/namespaces/default/virtualservices";

    private static string Vs(string name, string ns = "default", string? rv = null) =>
        $$$"""{"apiVersion":"networking.istio.io/v1","kind":"VirtualService","metadata":{"name":"{{{name}}}","namespace":"{{{ns}}}"{{{(rv is null ? "" : $",\"resourceVersion\":\"{rv}\"")}}}},"spec":{"hosts":["a"],"http":[{"route":[{"destination":{"host":"a"}}]}]}}""";

    private static async Task<(HttpStatusCode Code, JsonObject Body)> SendAsync(HttpClient http, HttpMethod method, string path, string? body = null, string type = "application/json")
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, type);
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response.StatusCode, (JsonObject)JsonNode.Parse(text)!);
    }

    private static void AssertStatus((HttpStatusCode Code, JsonObject Body) answer, HttpStatusCode code, string reason)
    {
        Assert.Equal(code, answer.Code);
        Assert.Equal("Status", answer.Body["kind"]?.GetValue<string>());
        Assert.Equal("Failure", answer.Body["status"]?.GetValue<string>());
        Assert.Equal(reason, answer.Body["reason"]?.GetValue<string>());
        Assert.Equal((int)code, answer.Body["code"]?.GetValue<int>());
    }

    [Fact]
    public async Task Each_bad_request_gets_its_Kubernetes_status_and_nothing_is_stored()
    {
        await using var h = await KubeApiHarness.StartAsync();
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = h.Server.KubeApiUri };
        var before = Directory.GetFiles(h.ConfigDirectory, "*", SearchOption.AllDirectories).Length;

        AssertStatus(await SendAsync(http, HttpMethod.Post, Collection, "{not json"), HttpStatusCode.BadRequest, "BadRequest");
        AssertStatus(await SendAsync(http, HttpMethod.Get, "/apis/networking.istio.io/v9/namespaces/default/virtualservices"), HttpStatusCode.NotFound, "NotFound");
        AssertStatus(await SendAsync(http, HttpMethod.Get, "/apis/networking.istio.io/v1/namespaces/default/sidecars"), HttpStatusCode.NotFound, "NotFound");
        AssertStatus(await SendAsync(http, HttpMethod.Post, Collection, Vs("a", ns: "other")), HttpStatusCode.BadRequest, "BadRequest");
        AssertStatus(await SendAsync(http, HttpMethod.Post, Collection, Vs("a").Replace("\"hosts\"", $"\"pad\":\"{new string('x', 3 * 1024 * 1024)}\",\"hosts\"")),
            HttpStatusCode.RequestEntityTooLarge, "RequestEntityTooLarge");
        Assert.Equal(before, Directory.GetFiles(h.ConfigDirectory, "*", SearchOption.AllDirectories).Length);

        var created = await SendAsync(http, HttpMethod.Post, Collection, Vs("a"));
        Assert.Equal(HttpStatusCode.Created, created.Code);
        var rv = created.Body["metadata"]!["resourceVersion"]!.GetValue<string>();
        AssertStatus(await SendAsync(http, HttpMethod.Post, Collection, Vs("a")), HttpStatusCode.Conflict, "AlreadyExists");
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(http, HttpMethod.Put, $"{Collection}/a", Vs("a", rv: rv))).Code);
        // The same resourceVersion again: another writer got there first.
        var stale = await SendAsync(http, HttpMethod.Put, $"{Collection}/a", Vs("a", rv: rv));
        AssertStatus(stale, HttpStatusCode.Conflict, "Conflict");
        Assert.Contains("the object has been modified", stale.Body["message"]!.GetValue<string>());
        AssertStatus(await SendAsync(http, HttpMethod.Patch, $"{Collection}/a", """[{"op":"remove","path":"/spec/nothere"}]""", "application/json-patch+json"),
            (HttpStatusCode)422, "Invalid");
        AssertStatus(await SendAsync(http, HttpMethod.Patch, $"{Collection}/a", "{}", "text/plain"), HttpStatusCode.UnsupportedMediaType, "UnsupportedMediaType");
        AssertStatus(await SendAsync(http, HttpMethod.Get, $"{Collection}/missing"), HttpStatusCode.NotFound, "NotFound");
    }

    [Fact]
    public async Task A_watch_client_that_disconnects_leaves_no_watch_behind()
    {
        await using var h = await KubeApiHarness.StartAsync();
        using (var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = h.Server.KubeApiUri })
        {
            using var response = await http.GetAsync($"{Collection}?watch=true", HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
            Assert.True(await Eventually.TrueAsync(() => h.Server.KubeApi!.OpenWatches == 1));
        }
        Assert.True(await Eventually.TrueAsync(() => h.Server.KubeApi!.OpenWatches == 0), $"{h.Server.KubeApi!.OpenWatches} watches left open");
    }

    [Fact]
    public async Task A_watch_from_a_compacted_resourceVersion_gets_410_Expired()
    {
        await using var h = await KubeApiHarness.StartAsync(historyLimit: 2);
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = h.Server.KubeApiUri };
        var first = await SendAsync(http, HttpMethod.Post, Collection, Vs("a"));
        var rv = first.Body["metadata"]!["resourceVersion"]!.GetValue<string>();
        // Three more changes: the history keeps two, so the first one's version is compacted away.
        foreach (var name in new[] { "b", "c", "d" }) Assert.Equal(HttpStatusCode.Created, (await SendAsync(http, HttpMethod.Post, Collection, Vs(name))).Code);
        var line = await http.GetStringAsync($"{Collection}?watch=true&resourceVersion={rv}", TestContext.Current.CancellationToken);
        var e = (JsonObject)JsonNode.Parse(line)!;
        Assert.Equal("ERROR", e["type"]!.GetValue<string>());
        Assert.Equal(410, e["object"]!["code"]!.GetValue<int>());
        Assert.Equal("Expired", e["object"]!["reason"]!.GetValue<string>());
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Switchyard.Proxy.KubeApi;

/// <summary>
/// Request bodies and JSON answers. A body over 3 MiB (the API server's limit) is 413 before it
/// is parsed; a body that is not JSON (or, for server-side apply, YAML) is 400.
/// </summary>
internal static class Body
{
    public const int MaxBytes = 3 * 1024 * 1024;

    public static async Task<string> ReadTextAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxBytes) throw StatusError.TooLarge();
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int n;
        while ((n = await request.Body.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
        {
            buffer.Write(chunk, 0, n);
            if (buffer.Length > MaxBytes) throw StatusError.TooLarge();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    public static JsonNode ParseJson(string text)
    {
        try
        {
            return JsonNode.Parse(text) ?? throw StatusError.BadRequest("the request body is null");
        }
        catch (JsonException e)
        {
            throw StatusError.BadRequest($"the request body is not valid JSON: {e.Message}");
        }
    }

    public static JsonObject ParseObject(string text) =>
        ParseJson(text) as JsonObject ?? throw StatusError.BadRequest("the request body must be a JSON object");

    public static async Task WriteAsync(HttpResponse response, int code, JsonNode body, CancellationToken ct)
    {
        response.StatusCode = code;
        response.ContentType = "application/json";
        await using var writer = new Utf8JsonWriter(response.Body);
        body.WriteTo(writer);
        await writer.FlushAsync(ct).ConfigureAwait(false);
    }
}

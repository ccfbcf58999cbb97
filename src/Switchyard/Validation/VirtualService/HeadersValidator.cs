using Switchyard.Model.Networking;
using Switchyard.Validation.Rules;

namespace Switchyard.Validation.VirtualServices;

/// <summary>
/// Header edits (<c>headers.request</c> / <c>headers.response</c>), at rule level and per
/// destination. Requests may set <c>:authority</c>/<c>host</c>; nothing else may touch pseudo
/// headers or host. The order (add, set, remove) is Istio's validateHTTPRoute.
/// </summary>
internal static class HeadersValidator
{
    public static void Validate(Headers? headers, string path, ValidationContext ctx)
    {
        if (headers is null) return;
        if (headers.Request is { } request)
        {
            var p = path + ".request";
            SetOrAdd(request.Add, p + ".add", HeaderOperationsRules.CheckRequestHeaderSetOrAdd, ctx);
            SetOrAdd(request.Set, p + ".set", HeaderOperationsRules.CheckRequestHeaderSetOrAdd, ctx);
            Remove(request.Remove, p + ".remove", HeaderOperationsRules.CheckRequestHeaderRemove, ctx);
        }
        if (headers.Response is { } response)
        {
            var p = path + ".response";
            SetOrAdd(response.Add, p + ".add", HeaderOperationsRules.CheckResponseHeader, ctx);
            SetOrAdd(response.Set, p + ".set", HeaderOperationsRules.CheckResponseHeader, ctx);
            Remove(response.Remove, p + ".remove", HeaderOperationsRules.CheckResponseHeader, ctx);
        }
    }

    private static void SetOrAdd(IReadOnlyDictionary<string, string>? entries, string path,
        Func<string, string?> checkName, ValidationContext ctx)
    {
        if (entries is null) return;
        foreach (var (name, value) in entries)
        {
            var entry = $"{path}.{name}";
            ctx.ErrorIf(entry, checkName(name));
            ctx.ErrorIf(entry, HeaderOperationsRules.CheckHeaderValue(value));
        }
    }

    private static void Remove(IReadOnlyList<string>? names, string path, Func<string, string?> checkName, ValidationContext ctx)
    {
        if (names is null) return;
        for (var i = 0; i < names.Count; i++) ctx.ErrorIf($"{path}[{i}]", checkName(names[i]));
    }
}

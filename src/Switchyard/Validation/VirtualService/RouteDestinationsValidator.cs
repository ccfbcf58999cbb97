using Switchyard.Model.Networking;

namespace Switchyard.Validation.VirtualServices;

/// <summary>
/// The weighted <c>route</c> list of an HTTP, TLS or TCP rule: no null entries, a destination in
/// each, weights not negative and, with two or more entries, not all zero. Weights need not add
/// up to 100 (Istio's validateHTTPRouteDestinations / validateRouteDestinations).
/// </summary>
internal static class RouteDestinationsValidator
{
    public static void ValidateHttp(IReadOnlyList<HTTPRouteDestination?>? routes, string path, ValidationContext ctx)
    {
        if (routes is null) return;
        var total = 0;
        for (var i = 0; i < routes.Count; i++)
        {
            var entryPath = $"{path}[{i}]";
            if (routes[i] is not { } entry)
            {
                ctx.Error(entryPath, "weight may not be nil", "remove the empty entry");
                continue;
            }
            HeadersValidator.Validate(entry.Headers, entryPath + ".headers", ctx);
            total += ValidateEntry(entry.Destination, entry.Weight, entryPath, ctx);
        }
        CheckTotal(routes.Count, total, path, ctx);
    }

    public static void ValidateL4(IReadOnlyList<RouteDestination?>? routes, string path, ValidationContext ctx)
    {
        if (routes is null) return;
        var total = 0;
        for (var i = 0; i < routes.Count; i++)
        {
            var entryPath = $"{path}[{i}]";
            if (routes[i] is not { } entry)
            {
                ctx.Error(entryPath, "weight may not be nil", "remove the empty entry");
                continue;
            }
            total += ValidateEntry(entry.Destination, entry.Weight, entryPath, ctx);
        }
        CheckTotal(routes.Count, total, path, ctx);
    }

    /// <summary>Checks one entry and returns its weight for the total.</summary>
    private static int ValidateEntry(Destination? destination, int? weight, string path, ValidationContext ctx)
    {
        if (destination is null) ctx.Error(path, "destination is required", "add destination: {host: ...}");
        else DestinationValidator.Validate(destination, path + ".destination", ctx);
        var w = weight ?? 0;
        if (w < 0) ctx.Error(path + ".weight", $"weight {w} < 0", "weights are relative shares: use 0 or more");
        return w;
    }

    private static void CheckTotal(int count, int total, string path, ValidationContext ctx)
    {
        // Go sums int32 with wraparound; C# int does the same in an unchecked context.
        if (count > 1 && total == 0)
            ctx.Error(path, "total destination weight = 0",
                "give at least one destination a positive weight (weights are relative; they need not add up to 100)");
    }
}

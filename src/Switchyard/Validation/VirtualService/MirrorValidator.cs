using Switchyard.Model.Networking;
using Switchyard.Validation.Rules;

namespace Switchyard.Validation.VirtualServices;

/// <summary>
/// Traffic mirroring: <c>mirror</c> with <c>mirrorPercentage</c> (or the deprecated
/// <c>mirrorPercent</c>), and the <c>mirrors</c> list with its own percentages. Istio's
/// validateHTTPRoute (mirror part) and validateHTTPMirrors.
/// </summary>
internal static class MirrorValidator
{
    public static void Validate(HTTPRoute route, string path, ValidationContext ctx)
    {
        if (route.MirrorPercent is { } percent)
        {
            ctx.ErrorIf(path + ".mirrorPercent", Percentages.CheckLegacyMirrorPercent(percent));
            ctx.Warning(path + ".mirrorPercent", "using deprecated setting \"mirrorPercent\", use \"mirrorPercentage\" instead",
                $"write mirrorPercentage: {{value: {percent}}}");
        }
        if (route.MirrorPercentage is { } percentage)
            ctx.ErrorIf(path + ".mirrorPercentage.value", Percentages.CheckMirrorPercent(percentage.Value ?? 0));

        if (route.Mirror is { } mirror) DestinationValidator.Validate(mirror, path + ".mirror", ctx);

        for (var i = 0; i < (route.Mirrors?.Count ?? 0); i++)
        {
            var entryPath = $"{path}.mirrors[{i}]";
            var entry = route.Mirrors![i];
            if (entry is null)
            {
                ctx.Error(entryPath, "mirror cannot be null");
                continue;
            }
            if (entry.Destination is null)
            {
                ctx.Error(entryPath, "destination is required for mirrors", "add destination: {host: ...}");
                continue;
            }
            DestinationValidator.Validate(entry.Destination, entryPath + ".destination", ctx);
            if (entry.Percentage is { } p)
                ctx.ErrorIf(entryPath + ".percentage.value", Percentages.CheckMirrorsEntryPercent(p.Value ?? 0));
        }
    }
}

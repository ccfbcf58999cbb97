using Switchyard.Validation.Rules;

namespace Switchyard.Validation.VirtualServices;

/// <summary>
/// Gateway references (<c>spec.gateways</c> and every match's <c>gateways</c>): <c>ns/name</c>
/// with both parts DNS-1123 labels, or a bare name that must be a valid FQDN (<c>mesh</c>, or
/// the legacy <c>name.ns</c> form, which gets a warning). Istio's validateGatewayNames.
/// </summary>
internal static class GatewayNamesValidator
{
    /// <summary>The reserved name for "all sidecars in the mesh".</summary>
    public const string MeshGateway = "mesh";

    public static void Validate(IReadOnlyList<string>? names, string listPath, ValidationContext ctx)
    {
        if (names is null) return;
        for (var i = 0; i < names.Count; i++)
        {
            var name = names[i];
            var path = $"{listPath}[{i}]";
            var slash = name.IndexOf('/');
            if (slash < 0)
            {
                CheckBareName(name, path, ctx);
                // Istio returns after the first bare (slash-less) name, so the entries after it
                // go unchecked; we reproduce that so the same files pass and fail.
                return;
            }
            var ns = name[..slash];
            var gateway = name[(slash + 1)..];
            if (ns.Length == 0 || gateway.Length == 0)
                ctx.Error(path, "config namespace and gateway name cannot be empty", "write <namespace>/<name>");
            if (!DnsNames.IsDns1123Label(ns))
                ctx.Error(path, $"invalid value for namespace: {GoText.Quote(ns)}");
            if (!DnsNames.IsDns1123Label(gateway))
                ctx.Error(path, $"invalid value for gateway name: {GoText.Quote(gateway)}");
        }
    }

    private static void CheckBareName(string name, string path, ValidationContext ctx)
    {
        if (name.Contains('.'))
        {
            var parts = name.Split('.');
            var recommended = $"{parts[1]}/{parts[0]}";
            ctx.Warning(path,
                $"using legacy gatewayName format {GoText.Quote(name)}; prefer the <namespace>/<name> format: {GoText.Quote(recommended)}");
        }
        ctx.ErrorIf(path, DnsNames.CheckFqdn(name));
    }
}

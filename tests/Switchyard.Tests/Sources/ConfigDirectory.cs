using Switchyard.Loading;
using Switchyard.Model.Networking;
using Switchyard.Sources;

namespace Switchyard.Tests.Sources;

/// <summary>A real temporary directory of config files, removed afterwards; plus the YAML the tests write.</summary>
internal sealed class ConfigDirectory : IDisposable
{
    public ConfigDirectory()
    {
        Root = Path.Combine(Path.GetTempPath(), "switchyard-sources-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string PathOf(string name) => Path.Combine(Root, name);

    public string Write(string name, string text)
    {
        var path = PathOf(name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public void Delete(string name) => File.Delete(PathOf(name));

    public FileSource Source(TimeSpan? debounce = null, TimeProvider? time = null, Microsoft.Extensions.Logging.ILogger? logger = null) =>
        new([Root], new LoadOptions(), time ?? TimeProvider.System, debounce ?? FileSource.DefaultDebounce, logger);

    /// <summary>The reviews VirtualService splitting between v1 and v2 with the given weights.</summary>
    public static string Reviews(int v1, int v2, string name = "reviews") => $"""
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: {name}
        spec:
          hosts: [reviews]
          http:
          - route:
            - destination: {"{"}host: reviews, subset: v1{"}"}
              weight: {v1}
            - destination: {"{"}host: reviews, subset: v2{"}"}
              weight: {v2}
        """;

    public static string Ratings(string name = "ratings") => $"""
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata:
          name: {name}
        spec:
          host: ratings
          subsets:
          - name: v1
            labels: {"{"}version: v1{"}"}
        """;

    /// <summary>The v1 weight of the named VirtualService in the set, or null when it is not live.</summary>
    public static int? V1Weight(ConfigSet set, string name = "reviews") =>
        set.Resources.OfType<VirtualService>().FirstOrDefault(v => v.Name == name)?.Spec.Http![0]!.Route![0]!.Weight;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp directory is harmless.
        }
    }
}

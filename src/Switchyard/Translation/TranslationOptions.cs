namespace Switchyard.Translation;

/// <summary>Who the proxy is: its namespace and workload labels (for sourceLabels matches,
/// exportTo visibility and which DestinationRule applies).</summary>
public sealed record TranslationOptions
{
    public string ProxyNamespace { get; init; } = "default";

    public IReadOnlyDictionary<string, string> WorkloadLabels { get; init; } = new Dictionary<string, string>();
}

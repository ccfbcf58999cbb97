using Switchyard.Diagnostics;
using Switchyard.Registry;
using Switchyard.Translation.Normalize;

namespace Switchyard.Translation;

/// <summary>What one translation reads and accumulates: the registry, the proxy, the
/// DestinationRules, the clusters asked for (in first-asked order) and the diagnostics.</summary>
internal sealed class TranslationContext(ServiceRegistry registry, TranslationOptions options, DestinationRuleIndex rules)
{
    public ServiceRegistry Registry { get; } = registry;
    public TranslationOptions Options { get; } = options;
    public DestinationRuleIndex Rules { get; } = rules;
    public List<Diagnostic> Diagnostics { get; } = [];
    private readonly Dictionary<string, ClusterRequest> _requests = new(StringComparer.Ordinal);
    private readonly List<ClusterRequest> _order = [];

    public IReadOnlyList<ClusterRequest> RequestsInOrder => _order;

    public void Request(ClusterRequest request)
    {
        if (_requests.TryAdd(request.Name, request)) _order.Add(request);
    }

    // Many clusters share one merged policy (every port and subset of a service without a
    // subset-level policy): compile each distinct one once, and share the record.
    private readonly Dictionary<(MergedTrafficPolicy, string?), Clusters.ClusterPolicy> _compiled = [];

    public Clusters.ClusterPolicy Compile(MergedTrafficPolicy merged, string? portProtocol)
    {
        if (!_compiled.TryGetValue((merged, portProtocol), out var policy))
            _compiled[(merged, portProtocol)] = policy = Clusters.ClusterPolicy.Compile(merged, portProtocol);
        return policy;
    }

    private readonly Dictionary<string, AppliedDestinationRule?> _rules = new(StringComparer.Ordinal);

    /// <summary>The DestinationRule that applies to <paramref name="host"/>, resolved once per host.</summary>
    public AppliedDestinationRule? RuleFor(string host)
    {
        if (!_rules.TryGetValue(host, out var rule))
            _rules[host] = rule = Rules.Resolve(host, Registry.Find(host)?.Namespace ?? HostNames.SplitServiceFqdn(host)?.Namespace, Options);
        return rule;
    }
}

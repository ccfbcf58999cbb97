using Switchyard.Model.Networking;

namespace Switchyard.Translation.Policies.LoadBalancer;

/// <summary>
/// A cluster's <c>trafficPolicy.loadBalancer</c> compiled to what the proxy's balancer is built
/// from, with Istio's defaults filled: LEAST_REQUEST when nothing is said, ring hash for a
/// consistentHash without maglev, locality balancing enabled (the mesh default).
/// <c>zoneAwareLbSetting</c> is not compiled (not enforced; translation reports it).
/// </summary>
public sealed record LoadBalancerSpec(
    LbAlgorithm Algorithm,
    ConsistentHashSpec? ConsistentHash,
    LocalityLbSpec Locality,
    WarmupSpec? Warmup)
{
    public static readonly LoadBalancerSpec Default = new(LbAlgorithm.LeastRequest, null, LocalityLbSpec.Default, null);

    public static LoadBalancerSpec Compile(LoadBalancerSettings? settings)
    {
        if (settings is null) return Default;
        var hash = Hash(settings.ConsistentHash);
        var algorithm = settings.ConsistentHash is { Maglev: not null } ? LbAlgorithm.Maglev
            : settings.ConsistentHash is not null ? LbAlgorithm.RingHash
            : settings.Simple switch
            {
                SimpleLB.ROUND_ROBIN => LbAlgorithm.RoundRobin,
                SimpleLB.RANDOM => LbAlgorithm.Random,
                SimpleLB.PASSTHROUGH => LbAlgorithm.Passthrough,
                _ => LbAlgorithm.LeastRequest,
            };
        return new LoadBalancerSpec(algorithm, hash, CompileLocality(settings.LocalityLbSetting), CompileWarmup(settings));
    }

    private static ConsistentHashSpec? Hash(ConsistentHashLB? hash)
    {
        if (hash is null) return null;
        var size = hash.Maglev is { } maglev
            ? maglev.TableSize is > 0 and <= int.MaxValue and var t ? t : ConsistentHashSpec.DefaultMaglevTableSize
            : hash.RingHash?.MinimumRingSize ?? hash.MinimumRingSize ?? 0;
        if (hash.Maglev is null && size == 0) size = ConsistentHashSpec.DefaultMinimumRingSize;
        string? header = null, query = null;
        HashCookieSpec? cookie = null;
        var sourceIp = false;
        // Istio's hash_key is a oneof; the first key set is the one hashed.
        if (!string.IsNullOrEmpty(hash.HttpHeaderName)) header = hash.HttpHeaderName;
        else if (hash.HttpCookie is { Name: { Length: > 0 } name } c)
            cookie = new HashCookieSpec(name, c.Path, c.Ttl?.ToTimeSpan(), new EquatableList<CookieAttributeSpec>(
                (c.Attributes ?? []).Where(a => a?.Name is { Length: > 0 }).Select(a => new CookieAttributeSpec(a!.Name!, a.Value))));
        else if (hash.UseSourceIp == true) sourceIp = true;
        else if (!string.IsNullOrEmpty(hash.HttpQueryParameterName)) query = hash.HttpQueryParameterName;
        return new ConsistentHashSpec(header, cookie, sourceIp, query, size);
    }

    private static LocalityLbSpec CompileLocality(LocalityLoadBalancerSetting? setting)
    {
        if (setting is null) return LocalityLbSpec.Default;
        return new LocalityLbSpec(
            setting.Enabled != false,
            new EquatableList<LocalityDistributeSpec>((setting.Distribute ?? []).Where(d => d is not null).Select(d => new LocalityDistributeSpec(
                d!.From ?? "", new EquatableList<LocalityWeight>((d.To ?? new Dictionary<string, uint>()).Select(kv => new LocalityWeight(kv.Key, kv.Value)))))),
            new EquatableList<LocalityFailoverSpec>((setting.Failover ?? []).Where(f => f is not null).Select(f => new LocalityFailoverSpec(f!.From ?? "", f.To ?? ""))),
            new EquatableList<string>(setting.FailoverPriority ?? []));
    }

    private static WarmupSpec? CompileWarmup(LoadBalancerSettings settings)
    {
        var warmup = settings.Warmup;
        var duration = warmup?.Duration ?? settings.WarmupDurationSecs;
        if (duration is not { Nanoseconds: > 0 } d) return null;
        return new WarmupSpec(d.ToTimeSpan(), warmup?.MinimumPercent ?? 10, warmup?.Aggression ?? 1.0);
    }
}

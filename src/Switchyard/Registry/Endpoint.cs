namespace Switchyard.Registry;

/// <summary>One backend instance of a service port: where to connect and what it is (labels,
/// locality, weight), as Envoy's LbEndpoint. Equal when every field is, labels compared by
/// content, so a reload can tell an unchanged endpoint from a relabelled one.</summary>
public sealed record Endpoint(
    string Address,
    int Port,
    IReadOnlyDictionary<string, string> Labels,
    string? Locality,
    uint Weight)
{
    /// <summary><c>address:port</c>: the key the proxy keeps an endpoint's runtime state under.</summary>
    public string Key => ToString();

    public bool Equals(Endpoint? other)
    {
        if (ReferenceEquals(this, other)) return true;
        if (other is null || Port != other.Port || Weight != other.Weight
            || !string.Equals(Address, other.Address, StringComparison.Ordinal)
            || !string.Equals(Locality, other.Locality, StringComparison.Ordinal)
            || Labels.Count != other.Labels.Count) return false;
        foreach (var (k, v) in Labels)
            if (!other.Labels.TryGetValue(k, out var theirs) || !string.Equals(v, theirs, StringComparison.Ordinal)) return false;
        return true;
    }

    // Labels are left out of the hash (order-independent hashing of a map costs more than it saves).
    public override int GetHashCode() => HashCode.Combine(Address, Port, Locality, Weight, Labels.Count);

    public override string ToString() => Address.Contains(':') ? $"[{Address}]:{Port}" : $"{Address}:{Port}";
}

namespace Switchyard.Validation.Rules;

/// <summary>Maglev <c>tableSize</c> as Istio's <c>validateLoadBalancer</c> checks it.</summary>
public static class MaglevRules
{
    public const ulong TableSizeLimit = 5000011;

    /// <summary>
    /// Every message Istio gives, in its order (0 gets both "must be set" and "must be a prime");
    /// empty when valid.
    /// </summary>
    public static IReadOnlyList<string> CheckTableSize(ulong tableSize)
    {
        List<string>? errors = null;
        if (tableSize == 0) (errors ??= []).Add("tableSize must be set for maglev");
        if (tableSize >= TableSizeLimit) (errors ??= []).Add("tableSize must be less than 5000011 for maglev");
        if (!IsPrime(tableSize)) (errors ??= []).Add("tableSize must be a prime number for maglev");
        return errors ?? (IReadOnlyList<string>)[];
    }

    /// <summary>Envoy's isPrime (common/utility.cc), which Istio copied: 1 counts as prime.</summary>
    public static bool IsPrime(ulong x)
    {
        if (x != 0 && x < 4) return true;
        if ((x & 1) == 0) return false;
        var limit = (ulong)Math.Sqrt(x);
        for (ulong factor = 3; factor <= limit; factor += 2)
            if (x % factor == 0) return false;
        return true;
    }
}

using Switchyard.Model.Networking;
using Switchyard.Validation.Rules;

namespace Switchyard.Validation.DestinationRules;

/// <summary>
/// <c>consistentHash</c>: one hash key and one algorithm (CRD one-of rules), a named cookie
/// with distinct attributes, the deprecated ring size, and a Maglev table Envoy accepts.
/// </summary>
public static class ConsistentHashValidator
{
    public static void Validate(ConsistentHashLB? hash, string path, ValidationContext ctx)
    {
        if (hash is null) return;

        var keys = 0;
        if (hash.HttpHeaderName is not null) keys++;
        if (hash.HttpCookie is not null) keys++;
        if (hash.UseSourceIp is not null) keys++;
        if (hash.HttpQueryParameterName is not null) keys++;
        if (keys > 1)
            ctx.Error(path, "only one of httpHeaderName, httpCookie, useSourceIp or httpQueryParameterName can be set",
                "a consistent hash uses a single key; keep one");

        if (hash.RingHash is not null && hash.Maglev is not null)
            ctx.Error($"{path}.maglev", "only one of ringHash or maglev can be set", "pick one hash algorithm");

        if (hash.HttpCookie is { } cookie) HttpCookieValidator.Validate(cookie, $"{path}.httpCookie", ctx);

        if (hash.MinimumRingSize is { } ringSize && ringSize != 0)
        {
            ctx.Warning($"{path}.minimumRingSize",
                "consistent hash MinimumRingSize is deprecated, use ConsistentHashLB's RingHash configuration instead");
            if (hash.RingHash is not null || hash.Maglev is not null)
                ctx.Error($"{path}.minimumRingSize", "only one of MinimumRingSize or Maglev/Ringhash can be specified",
                    "move the value to ringHash.minimumRingSize");
        }

        if (hash.Maglev is { } maglev) ValidateMaglev(maglev, $"{path}.maglev", ctx);
    }

    private static void ValidateMaglev(MagLev maglev, string path, ValidationContext ctx)
    {
        // Envoy builds the Maglev table with a prime size below its own limit.
        foreach (var message in MaglevRules.CheckTableSize(maglev.TableSize ?? 0))
            ctx.Error($"{path}.tableSize", message, "65537 (Envoy's default) and 131071 are primes that work");
    }
}

using Switchyard.Model.Networking;
using Switchyard.Translation.Routes;

namespace Switchyard.Translation.Policies.Cors;

/// <summary>
/// A rule's <c>corsPolicy</c> as pilot's TranslateCORSPolicy hands it to Envoy's CORS filter:
/// origin matchers (<c>allowOrigins</c>, else the deprecated exact <c>allowOrigin</c> list), the
/// method/header lists joined with ",", max age in whole seconds, and whether an unmatched
/// preflight is forwarded (FORWARD, the default) or answered here (IGNORE).
/// </summary>
/// <remarks>
/// Envoy's CORS filter does nothing on redirect and direct-response routes (they have no route
/// entry), so those rules get no policy.
/// </remarks>
public sealed class CrossOriginPolicy
{
    private readonly StringMatcher[] _origins;

    /// <summary>Some matcher accepts the literal "*": decided by the configuration alone, so once.</summary>
    private readonly bool _allowsAnyOrigin;

    private CrossOriginPolicy(StringMatcher[] origins, string allowMethods, string allowHeaders, string exposeHeaders,
        string? maxAge, bool allowCredentials, bool forwardUnmatchedPreflights)
    {
        _origins = origins;
        _allowsAnyOrigin = origins.Any(m => m.Matches("*"));
        AllowMethods = allowMethods;
        AllowHeaders = allowHeaders;
        ExposeHeaders = exposeHeaders;
        MaxAge = maxAge;
        AllowCredentials = allowCredentials;
        ForwardUnmatchedPreflights = forwardUnmatchedPreflights;
    }

    /// <summary>access-control-allow-methods on a preflight answer; "" when unset; "*" echoes the request's.</summary>
    public string AllowMethods { get; }

    /// <summary>access-control-allow-headers on a preflight answer; "" when unset; "*" echoes the request's.</summary>
    public string AllowHeaders { get; }

    /// <summary>access-control-expose-headers on an actual response; "" when unset.</summary>
    public string ExposeHeaders { get; }

    /// <summary>access-control-max-age in seconds, or null when unset.</summary>
    public string? MaxAge { get; }

    /// <summary>access-control-allow-credentials: true on both kinds of answer.</summary>
    public bool AllowCredentials { get; }

    /// <summary>Envoy's forward_not_matching_preflights: true unless unmatchedPreflights is IGNORE.</summary>
    public bool ForwardUnmatchedPreflights { get; }

    public static CrossOriginPolicy? Compile(HTTPRoute rule)
    {
        if (rule.CorsPolicy is not { } cors || rule.Redirect is not null || rule.DirectResponse is not null) return null;
        var origins = new List<StringMatcher>();
        if (cors.AllowOrigins is not null)
        {
            foreach (var m in cors.AllowOrigins)
            {
                // An entry with no match type has no Envoy form (pilot's ConvertToEnvoyMatch gives nil).
                if (m is null || (m.Exact is null && m.Prefix is null && m.Regex is null)) continue;
                origins.Add(StringMatcher.Compile(m, ignoreCase: false, starMeansPresent: false));
            }
        }
        else
        {
            foreach (var o in cors.AllowOrigin ?? [])
                if (o is not null) origins.Add(StringMatcher.Compile(new StringMatch { Exact = o }));
        }
        // pilot: strconv.FormatInt(maxAge.GetSeconds()), the fraction dropped.
        var maxAge = cors.MaxAge is { } d ? (d.Nanoseconds / Model.Duration.NanosPerSecond).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        return new CrossOriginPolicy(origins.ToArray(), Join(cors.AllowMethods), Join(cors.AllowHeaders), Join(cors.ExposeHeaders),
            maxAge, cors.AllowCredentials == true, cors.UnmatchedPreflights != UnmatchedPreflights.IGNORE);
    }

    /// <summary>
    /// Envoy's isOriginAllowed: a matcher that accepts the literal "*" (exact "*", regex ".*",
    /// prefix "") allows every origin; otherwise the origin itself must match.
    /// </summary>
    public bool Allows(string origin)
    {
        if (_allowsAnyOrigin) return true;
        foreach (var m in _origins)
            if (m.Matches(origin)) return true;
        return false;
    }

    private static string Join(IReadOnlyList<string>? values) => values is null ? "" : string.Join(",", values);
}

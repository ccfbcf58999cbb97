namespace Switchyard.Translation.Policies.LoadBalancer;

/// <summary><c>consistentHash.httpCookie</c>: the cookie hashed; with a <see cref="Ttl"/> Envoy
/// generates it when the request has none. Attributes in order.</summary>
public sealed record HashCookieSpec(string Name, string? Path, TimeSpan? Ttl, EquatableList<CookieAttributeSpec> Attributes);

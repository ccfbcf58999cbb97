namespace Switchyard.Translation.Policies.LoadBalancer;

/// <summary>One <c>httpCookie.attributes</c> entry of a generated cookie (<c>SameSite=Strict</c>).</summary>
public sealed record CookieAttributeSpec(string Name, string? Value);

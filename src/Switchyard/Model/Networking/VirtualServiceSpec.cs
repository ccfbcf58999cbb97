namespace Switchyard.Model.Networking;

/// <summary>networking.istio.io VirtualService spec: where a request for the hosts goes.</summary>
public sealed record VirtualServiceSpec
{
    public IReadOnlyList<string>? Hosts { get; init; }
    public IReadOnlyList<string>? Gateways { get; init; }
    public IReadOnlyList<HTTPRoute?>? Http { get; init; }
    public IReadOnlyList<TLSRoute?>? Tls { get; init; }
    public IReadOnlyList<TCPRoute?>? Tcp { get; init; }
    public IReadOnlyList<string>? ExportTo { get; init; }
}

/// <summary>One ordered HTTP rule; the first rule whose match holds wins.</summary>
public sealed record HTTPRoute
{
    public string? Name { get; init; }
    public IReadOnlyList<HTTPMatchRequest?>? Match { get; init; }
    public IReadOnlyList<HTTPRouteDestination?>? Route { get; init; }
    public HTTPRedirect? Redirect { get; init; }
    public HTTPDirectResponse? DirectResponse { get; init; }
    public Delegate? Delegate { get; init; }
    public HTTPRewrite? Rewrite { get; init; }
    public Duration? Timeout { get; init; }
    public HTTPRetry? Retries { get; init; }
    public HTTPFaultInjection? Fault { get; init; }
    public Destination? Mirror { get; init; }
    public IReadOnlyList<HTTPMirrorPolicy?>? Mirrors { get; init; }

    /// <summary>Deprecated; the CRD lists <c>mirror_percent</c> as its alias.</summary>
    public uint? MirrorPercent { get; init; }
    public Percent? MirrorPercentage { get; init; }
    public CorsPolicy? CorsPolicy { get; init; }
    public Headers? Headers { get; init; }
}

/// <summary>All set conditions must hold (AND); the route's match list is OR.</summary>
public sealed record HTTPMatchRequest
{
    public string? Name { get; init; }
    public StringMatch? Uri { get; init; }
    public StringMatch? Scheme { get; init; }
    public StringMatch? Method { get; init; }
    public StringMatch? Authority { get; init; }
    public IReadOnlyDictionary<string, StringMatch?>? Headers { get; init; }
    public uint? Port { get; init; }
    public IReadOnlyDictionary<string, string>? SourceLabels { get; init; }
    public IReadOnlyList<string>? Gateways { get; init; }
    public IReadOnlyDictionary<string, StringMatch?>? QueryParams { get; init; }
    public bool? IgnoreUriCase { get; init; }
    public IReadOnlyDictionary<string, StringMatch?>? WithoutHeaders { get; init; }
    public string? SourceNamespace { get; init; }
    public string? StatPrefix { get; init; }
}

/// <summary>Exactly one of exact, prefix, regex (RE2, full match); none set means "present".</summary>
public sealed record StringMatch
{
    public string? Exact { get; init; }
    public string? Prefix { get; init; }
    public string? Regex { get; init; }
}

public sealed record HTTPRouteDestination
{
    public Destination? Destination { get; init; }
    public int? Weight { get; init; }
    public Headers? Headers { get; init; }
}

public sealed record RouteDestination
{
    public Destination? Destination { get; init; }
    public int? Weight { get; init; }
}

public sealed record Destination
{
    public string? Host { get; init; }
    public string? Subset { get; init; }
    public PortSelector? Port { get; init; }
}

public sealed record PortSelector
{
    public uint? Number { get; init; }
}

public sealed record Delegate
{
    public string? Name { get; init; }
    public string? Namespace { get; init; }
}

public sealed record Headers
{
    public HeaderOperations? Request { get; init; }
    public HeaderOperations? Response { get; init; }
}

public sealed record HeaderOperations
{
    public IReadOnlyDictionary<string, string>? Set { get; init; }
    public IReadOnlyDictionary<string, string>? Add { get; init; }
    public IReadOnlyList<string>? Remove { get; init; }
}

public sealed record TLSRoute
{
    public IReadOnlyList<TLSMatchAttributes?>? Match { get; init; }
    public IReadOnlyList<RouteDestination?>? Route { get; init; }
}

public sealed record TCPRoute
{
    public IReadOnlyList<L4MatchAttributes?>? Match { get; init; }
    public IReadOnlyList<RouteDestination?>? Route { get; init; }
}

public sealed record TLSMatchAttributes
{
    public IReadOnlyList<string>? SniHosts { get; init; }
    public IReadOnlyList<string>? DestinationSubnets { get; init; }
    public uint? Port { get; init; }
    public IReadOnlyDictionary<string, string>? SourceLabels { get; init; }
    public IReadOnlyList<string>? Gateways { get; init; }
    public string? SourceNamespace { get; init; }
}

public sealed record L4MatchAttributes
{
    public IReadOnlyList<string>? DestinationSubnets { get; init; }
    public uint? Port { get; init; }
    public string? SourceSubnet { get; init; }
    public IReadOnlyDictionary<string, string>? SourceLabels { get; init; }
    public IReadOnlyList<string>? Gateways { get; init; }
    public string? SourceNamespace { get; init; }
}

public enum RedirectPortSelection
{
    FROM_PROTOCOL_DEFAULT = 0,
    FROM_REQUEST_PORT = 1,
}

public sealed record HTTPRedirect
{
    public string? Uri { get; init; }
    public string? Authority { get; init; }
    public uint? Port { get; init; }
    public RedirectPortSelection? DerivePort { get; init; }
    public string? Scheme { get; init; }
    public uint? RedirectCode { get; init; }
    public string? PrefixRewrite { get; init; }
}

public sealed record HTTPDirectResponse
{
    public uint? Status { get; init; }
    public HTTPBody? Body { get; init; }
}

/// <summary>Oneof: a string body, or bytes (base64 in YAML).</summary>
public sealed record HTTPBody
{
    [FieldName("string")] public string? String { get; init; }
    [FieldName("bytes")] public string? Bytes { get; init; }
}

public sealed record HTTPRewrite
{
    public string? Uri { get; init; }
    public string? Authority { get; init; }
    public RegexRewrite? UriRegexRewrite { get; init; }
}

public sealed record RegexRewrite
{
    public string? Match { get; init; }
    public string? Rewrite { get; init; }
}

public sealed record HTTPRetry
{
    public int? Attempts { get; init; }
    public Duration? PerTryTimeout { get; init; }
    public string? RetryOn { get; init; }
    public bool? RetryRemoteLocalities { get; init; }
    public bool? RetryIgnorePreviousHosts { get; init; }
    public Duration? Backoff { get; init; }
}

public enum UnmatchedPreflights
{
    UNSPECIFIED = 0,
    FORWARD = 1,
    IGNORE = 2,
}

public sealed record CorsPolicy
{
    /// <summary>Deprecated exact-origin list.</summary>
    public IReadOnlyList<string>? AllowOrigin { get; init; }
    public IReadOnlyList<StringMatch?>? AllowOrigins { get; init; }
    public IReadOnlyList<string>? AllowMethods { get; init; }
    public IReadOnlyList<string>? AllowHeaders { get; init; }
    public IReadOnlyList<string>? ExposeHeaders { get; init; }
    public Duration? MaxAge { get; init; }
    public bool? AllowCredentials { get; init; }
    public UnmatchedPreflights? UnmatchedPreflights { get; init; }
}

public sealed record HTTPFaultInjection
{
    public FaultDelay? Delay { get; init; }
    public FaultAbort? Abort { get; init; }
}

public sealed record FaultDelay
{
    /// <summary>Deprecated integer percentage.</summary>
    public int? Percent { get; init; }
    public Duration? FixedDelay { get; init; }
    public Duration? ExponentialDelay { get; init; }
    public Percent? Percentage { get; init; }
}

public sealed record FaultAbort
{
    public int? HttpStatus { get; init; }
    public string? GrpcStatus { get; init; }
    public string? Http2Error { get; init; }
    public Percent? Percentage { get; init; }
}

public sealed record HTTPMirrorPolicy
{
    public Destination? Destination { get; init; }
    public Percent? Percentage { get; init; }
}

/// <summary>A percentage in [0, 100] with fractions (0.1 = one request in a thousand).</summary>
public sealed record Percent
{
    public double? Value { get; init; }
}

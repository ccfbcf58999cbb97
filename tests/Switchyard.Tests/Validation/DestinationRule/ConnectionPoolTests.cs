namespace Switchyard.Tests.Validation.DestinationRules;

public class ConnectionPoolTests
{
    [Fact]
    public void A_full_connection_pool_is_valid() =>
        DestinationRuleCheck.Of("""
            spec:
              host: reviews
              trafficPolicy:
                connectionPool:
                  tcp:
                    maxConnections: 100
                    connectTimeout: 30ms
                    maxConnectionDuration: 1h
                    idleTimeout: 0s
                    tcpKeepalive:
                      time: 7200s
                      interval: 75s
                  http:
                    http1MaxPendingRequests: 10
                    http2MaxRequests: 100
                    maxRequestsPerConnection: 1
                    maxRetries: 3
                    idleTimeout: 1h
                    h2UpgradePolicy: UPGRADE
                    maxConcurrentStreams: 100
                    http2KeepAlive:
                      interval: 30s
                      timeout: 5s
            """).IsValid();

    [Fact]
    public void Empty_connection_pool_is_rejected() =>
        DestinationRuleCheck.Of("""
            spec:
              host: reviews
              trafficPolicy:
                connectionPool: {}   # <-
            """).HasOnlyError("spec.trafficPolicy.connectionPool", "connection pool must have at least one field");

    [Theory]
    [InlineData("http1MaxPendingRequests", "http1 max pending requests must be non-negative")]
    [InlineData("http2MaxRequests", "http2 max requests must be non-negative")]
    [InlineData("maxRequestsPerConnection", "max requests per connection must be non-negative")]
    [InlineData("maxRetries", "max retries must be non-negative")]
    [InlineData("maxConcurrentStreams", "max concurrent streams must be non-negative")]
    public void Http_limits_must_not_be_negative(string field, string message) =>
        DestinationRuleCheck.Of($$"""
            spec:
              host: reviews
              trafficPolicy:
                connectionPool:
                  http:
                    {{field}}: -1   # <-
            """).HasOnlyError($"spec.trafficPolicy.connectionPool.http.{field}", message);

    [Fact]
    public void Max_connections_must_not_be_negative() =>
        DestinationRuleCheck.Of("""
            spec:
              host: reviews
              trafficPolicy:
                connectionPool:
                  tcp:
                    maxConnections: -5   # <-
            """).HasOnlyError("spec.trafficPolicy.connectionPool.tcp.maxConnections", "max connections must be non-negative");

    [Fact]
    public void Upgrade_with_use_client_protocol_is_rejected() =>
        DestinationRuleCheck.Of("""
            spec:
              host: reviews
              trafficPolicy:
                connectionPool:
                  http:
                    h2UpgradePolicy: UPGRADE
                    useClientProtocol: true   # <-
            """).HasOnlyError("spec.trafficPolicy.connectionPool.http.useClientProtocol",
                "use client protocol must not be true when H2UpgradePolicy is UPGRADE");

    [Fact]
    public void Http2_keep_alive_needs_both_interval_and_timeout() =>
        DestinationRuleCheck.Of("""
            spec:
              host: reviews
              trafficPolicy:
                connectionPool:
                  http:
                    http2KeepAlive:   # <-
                      interval: 30s
            """).HasOnlyError("spec.trafficPolicy.connectionPool.http.http2KeepAlive",
                "http2KeepAlive requires both interval and timeout");

    [Fact]
    public void Http2_keep_alive_durations_are_checked() =>
        DestinationRuleCheck.Of("""
            spec:
              host: reviews
              trafficPolicy:
                connectionPool:
                  http:
                    http2KeepAlive:
                      interval: 30s
                      timeout: 0s   # <-
            """).HasOnlyError("spec.trafficPolicy.connectionPool.http.http2KeepAlive.timeout", "duration must be greater than 1ms");

    [Theory]
    [InlineData("connectTimeout")]
    [InlineData("maxConnectionDuration")]
    public void Tcp_durations_must_be_at_least_one_millisecond(string field) =>
        DestinationRuleCheck.Of($$"""
            spec:
              host: reviews
              trafficPolicy:
                connectionPool:
                  tcp:
                    {{field}}: 0s   # <-
            """).HasOnlyError($"spec.trafficPolicy.connectionPool.tcp.{field}", "duration must be greater than 1ms");

    [Fact]
    public void Tcp_idle_timeout_zero_disables_it_but_other_values_follow_the_rule() =>
        DestinationRuleCheck.Of("""
            spec:
              host: reviews
              trafficPolicy:
                connectionPool:
                  tcp:
                    idleTimeout: 1.5ms   # <-
            """).HasOnlyError("spec.trafficPolicy.connectionPool.tcp.idleTimeout", "only durations to ms precision are supported");

    [Fact]
    public void Http_idle_timeout_zero_is_rejected() =>
        DestinationRuleCheck.Of("""
            spec:
              host: reviews
              trafficPolicy:
                connectionPool:
                  http:
                    idleTimeout: 0s   # <-
            """).HasOnlyError("spec.trafficPolicy.connectionPool.http.idleTimeout", "duration must be greater than 1ms");

    [Fact]
    public void Tcp_keepalive_durations_are_checked() =>
        DestinationRuleCheck.Of("""
            spec:
              host: reviews
              trafficPolicy:
                connectionPool:
                  tcp:
                    tcpKeepalive:
                      interval: 100us   # <-
            """).HasOnlyError("spec.trafficPolicy.connectionPool.tcp.tcpKeepalive.interval", "duration must be greater than 1ms");
}

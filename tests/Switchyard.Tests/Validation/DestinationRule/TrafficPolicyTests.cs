namespace Switchyard.Tests.Validation.DestinationRules;

public class TrafficPolicyTests
{
    [Fact]
    public void Empty_traffic_policy_is_rejected() =>
        DestinationRuleCheck.Of("""
            spec:
              host: reviews
              trafficPolicy: {}   # <-
            """).HasOnlyError("spec.trafficPolicy", "traffic policy must have at least one field");

    [Fact]
    public void A_retry_budget_alone_is_a_policy() =>
        DestinationRuleCheck.Of("""
            spec:
              host: reviews
              trafficPolicy:
                retryBudget:
                  percent: 25
            """).IsValid();

    [Fact]
    public void Tunnel_and_proxy_protocol_together_are_rejected() =>
        DestinationRuleCheck.Of("""
            spec:
              host: reviews
              trafficPolicy:
                tunnel:
                  targetHost: egress.example.com
                  targetPort: 8443
                proxyProtocol:   # <-
                  version: V2
            """).HasOnlyError("spec.trafficPolicy.proxyProtocol", "tunnel and proxyProtocol must not be set together");

    [Fact]
    public void A_valid_tunnel_is_accepted() =>
        DestinationRuleCheck.Of("""
            spec:
              host: reviews
              trafficPolicy:
                tunnel:
                  protocol: POST
                  targetHost: 10.0.0.7
                  targetPort: 8443
            """).IsValid();

    [Fact]
    public void Tunnel_protocol_must_be_connect_or_post() =>
        DestinationRuleCheck.Of("""
            spec:
              host: reviews
              trafficPolicy:
                tunnel:
                  protocol: connect   # <-
                  targetHost: egress.example.com
                  targetPort: 8443
            """).HasOnlyError("spec.trafficPolicy.tunnel.protocol", "tunnel protocol must be \"CONNECT\" or \"POST\"");

    [Fact]
    public void Tunnel_target_host_must_be_fqdn_or_ip()
    {
        var check = DestinationRuleCheck.Of("""
            spec:
              host: reviews
              trafficPolicy:
                tunnel:
                  targetHost: "egress_proxy"   # <-
                  targetPort: 8443
            """);
        var d = Assert.Single(check.Diagnostics);
        Assert.Equal("spec.trafficPolicy.tunnel.targetHost", d.FieldPath);
        Assert.StartsWith("tunnel target host must be valid FQDN or IP address: ", d.Message);
        Assert.Equal(check.MarkedLine, d.Span.Line);
    }

    [Fact]
    public void Tunnel_target_port_must_be_in_range() =>
        DestinationRuleCheck.Of("""
            spec:
              host: reviews
              trafficPolicy:
                tunnel:
                  targetHost: egress.example.com
                  targetPort: 70000   # <-
            """).HasOnlyError("spec.trafficPolicy.tunnel.targetPort",
                "tunnel target port is invalid: port number 70000 must be in the range 1..65535");

    [Fact]
    public void Tunnel_target_port_is_required() =>
        DestinationRuleCheck.Of("""
            spec:
              host: reviews
              trafficPolicy:
                tunnel:   # <-
                  targetHost: egress.example.com
            """).HasOnlyError("spec.trafficPolicy.tunnel.targetPort",
                "tunnel target port is invalid: port number 0 must be in the range 1..65535");

    [Fact]
    public void Port_level_settings_are_accepted() =>
        DestinationRuleCheck.Of("""
            spec:
              host: reviews
              trafficPolicy:
                portLevelSettings:
                - port:
                    number: 9080
                  loadBalancer:
                    simple: ROUND_ROBIN
            """).IsValid();

    [Fact]
    public void Null_port_level_setting_is_rejected() =>
        DestinationRuleCheck.Of("""
            spec:
              host: reviews
              trafficPolicy:
                portLevelSettings:
                -   # <-
            """).HasOnlyError("spec.trafficPolicy.portLevelSettings[0]", "traffic policy may not be null");

    [Fact]
    public void Port_level_setting_needs_a_port() =>
        DestinationRuleCheck.Of("""
            spec:
              host: reviews
              trafficPolicy:
                portLevelSettings:
                - loadBalancer:   # <-
                    simple: RANDOM
            """).HasOnlyError("spec.trafficPolicy.portLevelSettings[0]", "portTrafficPolicy must have valid port");

    [Fact]
    public void Port_level_port_must_be_in_range() =>
        DestinationRuleCheck.Of("""
            spec:
              host: reviews
              trafficPolicy:
                portLevelSettings:
                - port:
                    number: 0   # <-
                  loadBalancer:
                    simple: RANDOM
            """).HasOnlyError("spec.trafficPolicy.portLevelSettings[0].port.number",
                "port number 0 must be in the range 1..65535");

    [Fact]
    public void Port_level_setting_must_set_a_policy() =>
        DestinationRuleCheck.Of("""
            spec:
              host: reviews
              trafficPolicy:
                portLevelSettings:
                - port:   # <-
                    number: 9080
            """).HasOnlyError("spec.trafficPolicy.portLevelSettings[0]", "port traffic policy must have at least one field");

    [Fact]
    public void Port_level_parts_are_checked() =>
        DestinationRuleCheck.Of("""
            spec:
              host: reviews
              trafficPolicy:
                portLevelSettings:
                - port:
                    number: 9080
                  outlierDetection:
                    maxEjectionPercent: 150   # <-
            """).HasOnlyError("spec.trafficPolicy.portLevelSettings[0].outlierDetection.maxEjectionPercent",
                "percentage 150 is not in range 0..100");

    [Fact]
    public void Port_level_tls_is_checked() =>
        DestinationRuleCheck.Of("""
            spec:
              host: reviews
              trafficPolicy:
                portLevelSettings:
                - port:
                    number: 9443
                  tls:   # <-
                    mode: MUTUAL
                    privateKey: /etc/certs/key.pem
            """).HasOnlyError("spec.trafficPolicy.portLevelSettings[0].tls", "client certificate required for mutual tls");

    [Fact]
    public void Unknown_proxy_protocol_version_is_left_to_the_loader()
    {
        var loaded = Switchyard.Loading.ConfigLoader.LoadText("""
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata:
              name: reviews
              namespace: bookinfo
            spec:
              host: reviews
              trafficPolicy:
                proxyProtocol:
                  version: V3
            """, "dr.yaml");
        var error = Assert.Single(loaded.FieldErrors);
        Assert.Equal("spec.trafficPolicy.proxyProtocol.version", error.FieldPath);
        Assert.Equal(10, error.Span.Line);
    }
}

using static Switchyard.Tests.Validation.ServiceEntries.ValidationAssert;

namespace Switchyard.Tests.Validation.ServiceEntries;

// Every YAML below starts with the six lines of Head, so the first spec line is line 7.
public class ServiceEntryHostAndSelectorTests
{
    internal const string Head = """
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata:
          name: api
          namespace: shop
        spec:

        """;

    [Fact]
    public void External_https_api_with_dns_resolution_is_valid()
    {
        Clean(Validate(Head + """
              hosts: [api.example.com]
              location: MESH_EXTERNAL
              ports:
              - number: 443
                name: https
                protocol: HTTPS
              resolution: DNS
              exportTo: ["~"]
            """));
    }

    [Fact]
    public void Service_entry_without_hosts_is_rejected()
    {
        var d = Validate(Head + """
              ports:
              - {number: 80, name: http, protocol: HTTP}
              resolution: STATIC
            """);
        HasError(d, "service entry must have at least one host", "spec.hosts", 6);
    }

    [Fact]
    public void Host_star_alone_is_rejected()
    {
        var d = Validate(Head + """
              hosts:
              - "*"
              ports:
              - {number: 80, name: http, protocol: HTTP}
            """);
        HasError(d, "invalid host *", "spec.hosts[0]", 8);
    }

    [Fact]
    public void Host_must_be_a_valid_domain()
    {
        var d = Validate(Head + """
              hosts: [api.example.com, bad_host.example.com]
              ports:
              - {number: 80, name: http, protocol: HTTP}
            """);
        HasError(d, "domain name \"bad_host.example.com\" invalid (label \"bad_host\" invalid)", "spec.hosts[1]", 7);
    }

    [Fact]
    public void Partial_wildcard_host_is_a_warning()
    {
        var d = Validate(Head + """
              hosts:
              - "*api.example.com"
              ports:
              - {number: 80, name: http, protocol: HTTP}
            """);
        HasWarning(d, "partial wildcard \"*api.example.com\" not allowed", "spec.hosts[0]", 8);
        NoErrors(d);
    }

    [Fact]
    public void Partial_wildcard_is_not_flagged_for_dynamic_dns()
    {
        var d = Validate(Head + """
              hosts: ["*api.example.com"]
              ports:
              - {number: 80, name: http, protocol: HTTP}
              resolution: DYNAMIC_DNS
            """);
        Lacks(d, "partial wildcard");
    }

    [Fact]
    public void Address_must_be_an_ip_or_cidr()
    {
        var d = Validate(Head + """
              hosts: [db.example.com]
              addresses: [10.0.0.1, 10.0.0.300]
              ports:
              - {number: 5432, name: tcp-pg, protocol: TCP}
              resolution: STATIC
              endpoints:
              - address: 10.1.1.1
            """);
        Assert.Single(d, x => x.FieldPath == "spec.addresses[1]" && x.Span.Line == 8 && x.Severity == Switchyard.Diagnostics.Severity.Error);
    }

    [Fact]
    public void Cidr_address_needs_none_or_static_resolution()
    {
        var d = Validate(Head + """
              hosts: [db.example.com]
              addresses: [10.0.0.1, 10.0.0.0/24]
              ports:
              - {number: 443, name: https, protocol: HTTPS}
              resolution: DNS
            """);
        HasError(d, "CIDR addresses are allowed only for NONE/STATIC resolution types", "spec.addresses[1]", 8);
    }

    [Fact]
    public void Cidr_address_with_none_resolution_is_valid()
    {
        NoErrors(Validate(Head + """
              hosts: [internal.example.com]
              addresses: [10.0.0.0/16]
              ports:
              - {number: 443, name: https, protocol: HTTPS}
              resolution: NONE
            """));
    }

    [Fact]
    public void Selector_with_wildcard_is_rejected_and_stops_validation()
    {
        var d = Validate(Head + """
              workloadSelector:
                labels:
                  app: "*"
            """);
        HasError(d, "wildcard is not supported in selector: \"app=*\"", "spec.workloadSelector.labels.app", 9);
        Lacks(d, "at least one host"); // Istio returns at the first selector error
    }

    [Fact]
    public void Selector_with_empty_key_is_rejected()
    {
        var d = Validate(Head + """
              workloadSelector:
                labels:
                  "": web
            """);
        HasError(d, "empty key is not supported in selector: \"=web\"", "spec.workloadSelector.labels.", 9);
    }

    [Fact]
    public void Empty_selector_is_a_warning()
    {
        var d = Validate(Head + """
              hosts: [web.shop.internal]
              location: MESH_INTERNAL
              ports:
              - {number: 80, name: http, protocol: HTTP}
              resolution: STATIC
              workloadSelector: {}
            """);
        HasWarning(d, "service entry: the selector is empty, will be applied to all services in namespace", "spec.workloadSelector", 12);
        NoErrors(d);
    }

    [Fact]
    public void Selector_and_endpoints_together_are_rejected()
    {
        var d = Validate(Head + """
              hosts: [web.shop.internal]
              ports:
              - {number: 80, name: http, protocol: HTTP}
              resolution: STATIC
              workloadSelector:
                labels: {app: web}
              endpoints:
              - address: 10.0.0.5
            """);
        HasError(d, "only one of WorkloadSelector or Endpoints is allowed in Service Entry", "spec.endpoints", 13);
    }

    [Fact]
    public void ExportTo_accepts_tilde_but_not_with_others()
    {
        var d = Validate(Head + """
              hosts: [api.example.com]
              ports:
              - {number: 443, name: https, protocol: HTTPS}
              resolution: DNS
              exportTo:
              - "~"
              - Bad_Ns
            """);
        HasError(d, "only .,*,~, or a valid DNS 1123 label is allowed as exportTo entry", "spec.exportTo[1]", 13);
        HasError(d, "cannot export service entry to no one (~) and someone", "spec.exportTo", 11);
    }

    [Fact]
    public void ExportTo_duplicate_of_dot_and_own_namespace_is_rejected()
    {
        var d = Validate(Head + """
              hosts: [api.example.com]
              ports:
              - {number: 443, name: https, protocol: HTTPS}
              resolution: DNS
              exportTo: [shop, "."]
            """);
        HasError(d, "duplicate entries in exportTo: . and current namespace shop", "spec.exportTo[1]", 11);
    }

    [Fact]
    public void ExportTo_repeated_namespace_is_rejected()
    {
        var d = Validate(Head + """
              hosts: [api.example.com]
              ports:
              - {number: 443, name: https, protocol: HTTPS}
              resolution: DNS
              exportTo: [".", shop]
            """);
        HasError(d, "duplicate entries in exportTo for entry shop", "spec.exportTo[1]", 11);
    }
}

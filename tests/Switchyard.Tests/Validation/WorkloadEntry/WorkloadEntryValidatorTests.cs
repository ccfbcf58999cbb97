using static Switchyard.Tests.Validation.ServiceEntries.ValidationAssert;

namespace Switchyard.Tests.Validation.WorkloadEntries;

// Every YAML below starts with the six lines of Head, so the first spec line is line 7.
public class WorkloadEntryValidatorTests
{
    private const string Head = """
        apiVersion: networking.istio.io/v1
        kind: WorkloadEntry
        metadata:
          name: vm1
          namespace: shop
        spec:

        """;

    [Fact]
    public void Vm_with_ip_ports_and_labels_is_valid()
    {
        Clean(Validate(Head + """
              address: 10.0.0.7
              ports: {http: 8080, grpc: 9090}
              labels: {app: reviews, version: v3}
              serviceAccount: reviews
              locality: us-east1/us-east1-b
            """));
    }

    [Fact]
    public void Address_may_be_a_dns_name_or_a_unix_socket()
    {
        NoErrors(Validate(Head + "  address: vm1.shop.internal\n"));
        NoErrors(Validate(Head + "  address: unix:///var/run/app.sock\n"));
        NoErrors(Validate(Head + "  address: unix://@abstract\n"));
    }

    [Fact]
    public void Address_or_network_is_required()
    {
        var d = Validate(Head + """
              labels: {app: reviews}
            """);
        HasError(d, "address is required", "spec", 6);
    }

    [Fact]
    public void Network_without_address_is_a_warning()
    {
        var d = Validate(Head + """
              network: vpc-2
            """);
        HasWarning(d, "address is unset with network \"vpc-2\"", "spec.network", 7);
        NoErrors(d);
    }

    [Fact]
    public void Address_must_be_an_ip_or_fqdn()
    {
        var d = Validate(Head + """
              address: vm_1.shop
            """);
        HasError(d, "endpoint address \"vm_1.shop\" is not a valid FQDN or an IP address", "spec.address", 7);
    }

    [Fact]
    public void Unix_address_must_be_an_absolute_file_path_without_ports()
    {
        var d = Validate(Head + """
              address: unix://var/run/
              ports: {http: 80}
            """);
        HasError(d, "var/run/ is not an absolute path to a file", "spec.address", 7);
        HasError(d, "unix endpoint unix://var/run/ must not include ports", "spec.ports", 8);
    }

    [Fact]
    public void Empty_unix_address_is_rejected()
    {
        var d = Validate(Head + "  address: unix://\n");
        HasError(d, "unix address must not be empty", "spec.address", 7);
    }

    [Fact]
    public void Port_names_and_numbers_are_checked()
    {
        var d = Validate(Head + """
              address: 10.0.0.7
              ports:
                http_web: 80
                http: 70000
            """);
        HasError(d, "invalid port name: http_web", "spec.ports.http_web", 9);
        HasError(d, "port number 70000 must be in the range 1..65535", "spec.ports.http", 10);
    }

    [Fact]
    public void Standalone_entry_ports_are_not_cross_checked_against_a_service()
    {
        Lacks(Validate(Head + """
              address: 10.0.0.7
              ports: {anything: 80}
            """), "not defined by the service entry");
    }

    [Fact]
    public void Labels_must_be_valid()
    {
        var d = Validate(Head + """
              address: 10.0.0.7
              labels:
                "-app": web
                version: "v1!"
            """);
        HasError(d, "invalid tag key: \"-app\"", "spec.labels.-app", 9);
        HasError(d, "invalid tag value: \"v1!\"", "spec.labels.version", 10);
    }
}

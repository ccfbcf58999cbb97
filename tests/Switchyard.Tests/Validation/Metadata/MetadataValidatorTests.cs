using static Switchyard.Tests.Validation.ServiceEntries.ValidationAssert;

namespace Switchyard.Tests.Validation.Metadata;

public class MetadataValidatorTests
{
    private static string WorkloadEntry(string metadata) => $"""
        apiVersion: networking.istio.io/v1
        kind: WorkloadEntry
        metadata:
        {metadata}
        spec:
          address: 10.0.0.7
        """;

    [Fact]
    public void Ordinary_metadata_is_valid()
    {
        Clean(Validate(WorkloadEntry("""
              name: vm1.reviews
              namespace: shop
              labels: {app: reviews, app.kubernetes.io/part-of: bookinfo}
              annotations: {note: "anything goes here"}
            """)));
    }

    [Fact]
    public void Name_is_required()
    {
        var d = Validate(WorkloadEntry("  namespace: shop"));
        HasError(d, "metadata.name is required", "metadata.name", 3);
    }

    [Fact]
    public void Name_must_be_a_lowercase_dns_subdomain()
    {
        var d = Validate(WorkloadEntry("  name: VM_1"));
        HasError(d,
            "invalid name \"VM_1\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com')",
            "metadata.name", 4);
    }

    [Fact]
    public void Name_may_be_at_most_253_characters()
    {
        var longName = string.Join(".", Enumerable.Repeat(new string('a', 63), 4)); // 255 characters
        var d = Validate(WorkloadEntry($"  name: {longName}"));
        HasError(d, $"invalid name \"{longName}\": must be no more than 253 characters", "metadata.name", 4);
    }

    [Fact]
    public void Namespace_must_be_a_lowercase_dns_label()
    {
        var d = Validate(WorkloadEntry("""
              name: vm1
              namespace: shop.eu
            """));
        HasError(d,
            "invalid namespace \"shop.eu\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name')",
            "metadata.namespace", 5);
    }

    [Fact]
    public void Dry_run_annotation_is_only_for_authorization_policies()
    {
        var d = Validate(WorkloadEntry("""
              name: vm1
              namespace: shop
              annotations:
                istio.io/dry-run: "true"
            """));
        HasError(d, "shop/vm1 has unsupported annotation istio.io/dry-run, please remove the annotation",
            "metadata.annotations.istio.io/dry-run", 7);
    }

    [Theory]
    [InlineData("internal.istio.io/webhook-always-reject")]
    [InlineData("internal.istio.io/parents")]
    [InlineData("internal.istio.io/parent-namespace")]
    public void Internal_istio_annotations_are_rejected_on_user_objects(string annotation)
    {
        var d = Validate(WorkloadEntry($"""
              name: vm1
              annotations:
                {annotation}: "x"
            """));
        HasError(d, $"\"{annotation}\" annotation found, rejecting", $"metadata.annotations.{annotation}", 6);
    }

    [Fact]
    public void Label_keys_and_values_must_be_valid()
    {
        var d = Validate(WorkloadEntry("""
              name: vm1
              labels:
                app/: web
                tier: "front end"
            """));
        HasError(d, "invalid tag key: \"app/\"", "metadata.labels.app/", 6);
        HasError(d, "invalid tag value: \"front end\"", "metadata.labels.tier", 7);
    }

    [Fact]
    public void Metadata_rules_apply_to_service_entries_too()
    {
        var d = Validate("""
            apiVersion: networking.istio.io/v1
            kind: ServiceEntry
            metadata:
              name: Api
            spec:
              hosts: [api.example.com]
              ports:
              - {number: 443, name: https, protocol: HTTPS}
              resolution: DNS
            """);
        Assert.Contains(d, x => x.FieldPath == "metadata.name" && x.Span.Line == 4);
    }
}

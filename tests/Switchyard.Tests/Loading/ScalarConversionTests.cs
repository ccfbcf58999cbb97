using Switchyard.Model;
using Switchyard.Model.Networking;
using static Switchyard.Tests.Loading.LoadHelpers;

namespace Switchyard.Tests.Loading;

/// <summary>Enums, durations and field-name aliases, with the rules of Istio's protobuf JSON decoder.</summary>
public class ScalarConversionTests
{
    private static string Dr(string trafficPolicy) =>
        "apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: reviews\nspec:\n  host: reviews\n  trafficPolicy:\n" + trafficPolicy;

    private static string Vs(string rule) =>
        "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: reviews\nspec:\n  http:\n  - " + rule;

    [Theory]
    [InlineData("ROUND_ROBIN", SimpleLB.ROUND_ROBIN)]
    [InlineData("\"LEAST_REQUEST\"", SimpleLB.LEAST_REQUEST)]
    [InlineData("4", SimpleLB.ROUND_ROBIN)]
    [InlineData("0", SimpleLB.UNSPECIFIED)]
    public void Enum_is_accepted_by_name_or_by_number(string value, SimpleLB expected)
    {
        var dr = LoadOne<DestinationRule>(Dr($"    loadBalancer:\n      simple: {value}\n"));
        Assert.Equal(expected, dr.Spec.TrafficPolicy!.LoadBalancer!.Simple);
    }

    [Fact]
    public void Unknown_enum_name_is_an_error_with_a_suggestion_and_the_valid_names()
    {
        var error = OneFieldError(Dr("    loadBalancer:\n      simple: ROUND_ROBBIN\n"));
        Assert.Equal("spec.trafficPolicy.loadBalancer.simple", error.FieldPath);
        Assert.Equal(
            "unknown value \"ROUND_ROBBIN\"; did you mean \"ROUND_ROBIN\"? (valid: UNSPECIFIED, LEAST_CONN, RANDOM, PASSTHROUGH, ROUND_ROBIN, LEAST_REQUEST)",
            error.Message);
        Assert.Equal(9, error.Span.Line);
    }

    [Theory]
    [InlineData("round_robin")] // protobuf JSON enum names are case-sensitive
    [InlineData("9")]
    [InlineData("-1")]
    public void Enum_values_outside_the_names_and_numbers_are_errors(string value)
    {
        var error = OneFieldError(Dr($"    loadBalancer:\n      simple: {value}\n"));
        Assert.StartsWith($"unknown value \"{value}\"", error.Message);
    }

    [Theory]
    [InlineData("5s", 5_000_000_000L)]
    [InlineData("100ms", 100_000_000L)]
    [InlineData("1h30m", 5_400_000_000_000L)]
    [InlineData("0.5s", 500_000_000L)]
    [InlineData("1.5m", 90_000_000_000L)]
    [InlineData("250us", 250_000L)]
    [InlineData("\"0\"", 0L)]
    [InlineData("\"2s\"", 2_000_000_000L)]
    public void Durations_use_Go_syntax(string text, long nanoseconds)
    {
        var vs = LoadOne<VirtualService>(Vs($"timeout: {text}\n"));
        Assert.Equal(new Duration(nanoseconds), vs.Spec.Http![0]!.Timeout);
    }

    [Theory]
    [InlineData("5 s", "unknown unit \" s\"")]
    [InlineData("5", "expected a duration string such as \"5s\", got number 5")]
    [InlineData("0", "expected a duration string such as \"0s\", got number 0")] // a JSON number, not a string
    [InlineData("\"5\"", "missing unit in duration \"5\"")]
    [InlineData("5sec", "unknown unit \"sec\"")]
    [InlineData("s", "invalid duration \"s\"")]
    [InlineData("99999999999999999999h", "too large")]
    public void Bad_durations_are_errors_that_show_the_right_form(string text, string expected)
    {
        var error = OneFieldError(Vs($"timeout: {text}\n"));
        Assert.Equal("spec.http[0].timeout", error.FieldPath);
        Assert.Equal(7, error.Span.Line);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Snake_case_field_names_are_accepted_as_Istio_accepts_them()
    {
        var result = Load("""
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: reviews}
            spec:
              hosts: [reviews]
              export_to: ["."]
              http:
              - mirror: {host: shadow}
                mirror_percent: 25
                retries: {attempts: 2, per_try_timeout: 1s, retry_on: 5xx}
            """);

        Assert.Empty(result.AllDiagnostics);
        var vs = Assert.IsType<VirtualService>(Assert.Single(result.Resources));
        Assert.Equal(["."], vs.Spec.ExportTo!);
        Assert.Equal(25u, vs.Spec.Http![0]!.MirrorPercent);
        Assert.Equal(Duration.FromSeconds(1), vs.Spec.Http[0]!.Retries!.PerTryTimeout);
        // Spans are keyed by the canonical camelCase path whatever spelling the file used.
        Assert.Equal(6, vs.SpanOf("spec.exportTo").Line);
        Assert.Equal(9, vs.SpanOf("spec.http[0].mirrorPercent").Line);
    }

    [Fact]
    public void Camel_and_snake_spellings_of_one_field_together_are_the_field_twice()
    {
        // After canonicalising, both keys set spec.exportTo; the second is reported, not silently merged.
        var result = Load("""
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: reviews}
            spec:
              exportTo: ["."]
              export_to: ["*"]
            """);
        var error = Assert.Single(result.FieldErrors);
        Assert.Equal("duplicate key \"export_to\" (the same field as \"exportTo\")", error.Message);
        Assert.Equal(6, error.Span.Line);
        Assert.Equal(["."], ((VirtualService)result.Resources[0]).Spec.ExportTo!);
    }

    [Fact]
    public void Snake_case_is_not_accepted_on_lenient_Kubernetes_kinds_and_is_simply_ignored()
    {
        var svc = LoadOne<Switchyard.Model.Kubernetes.Service>("apiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec: {cluster_ip: 1.2.3.4}\n");
        Assert.Null(svc.Spec.ClusterIP);
    }
}

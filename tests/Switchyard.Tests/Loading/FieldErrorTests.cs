using Switchyard.Model.Networking;
using static Switchyard.Tests.Loading.LoadHelpers;

namespace Switchyard.Tests.Loading;

/// <summary>
/// Structural problems in documents that parse: each is reported with its field path and line,
/// the field is left unset, and binding goes on (istioctl's strict decoding of Istio kinds).
/// </summary>
public class FieldErrorTests
{
    private static string Vs(string spec) =>
        "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: reviews\nspec:\n" + spec;

    [Fact]
    public void Unknown_field_is_an_error_with_a_did_you_mean_at_its_line()
    {
        var error = OneFieldError(Vs("  hosts: [reviews]\n  http:\n  - route:\n    - destination:\n        hots: reviews\n"));
        Assert.Equal("spec.http[0].route[0].destination.hots", error.FieldPath);
        Assert.Equal("unknown field \"hots\"; did you mean \"host\"?", error.Message);
        Assert.Equal("did you mean \"host\"?", error.Hint);
        Assert.Equal(10, error.Span.Line);
        Assert.Equal("VirtualService default/reviews", error.Resource!.ToString());
    }

    [Fact]
    public void Unknown_field_far_from_any_name_lists_the_known_fields()
    {
        var error = OneFieldError(Vs("  zzzzzzzz: 1\n"));
        Assert.Equal("unknown field \"zzzzzzzz\"", error.Message);
        Assert.Contains("hosts, gateways, http, tls, tcp, exportTo", error.Hint);
    }

    [Fact]
    public void Unknown_top_level_key_on_an_Istio_kind_is_an_error()
    {
        var result = Load(Vs("  hosts: [reviews]\nspecs: {}\n"));
        var error = Assert.Single(result.FieldErrors);
        Assert.Equal("specs", error.FieldPath);
        Assert.Contains("did you mean \"spec\"?", error.Message);
        Assert.Equal(7, error.Span.Line);
        // The rest of the resource still binds; admission decides what an error means.
        Assert.Equal(["reviews"], Assert.IsType<VirtualService>(Assert.Single(result.Resources)).Spec.Hosts!);
    }

    [Fact]
    public void Every_problem_in_a_document_is_reported_at_once()
    {
        var result = Load(Vs("  hostz: [a]\n  http:\n  - timeout: 5\n    retries: {attempts: many}\n"));
        Assert.Equal(["spec.hostz", "spec.http[0].timeout", "spec.http[0].retries.attempts"], result.FieldErrors.Select(e => e.FieldPath));
        Assert.Equal([6, 8, 9], result.FieldErrors.Select(e => e.Span.Line));
    }

    [Fact]
    public void A_string_for_an_integer_is_an_error()
    {
        var error = OneFieldError(Vs("  http:\n  - route:\n    - weight: fifty\n"));
        Assert.Equal("spec.http[0].route[0].weight", error.FieldPath);
        Assert.Equal("expected a 32-bit integer, got string \"fifty\"", error.Message);
        Assert.Equal(8, error.Span.Line);
    }

    [Fact]
    public void A_quoted_integer_is_accepted_as_protobuf_json_does()
    {
        var vs = LoadOne<VirtualService>(Vs("  http:\n  - route:\n    - weight: \"50\"\n"));
        Assert.Equal(50, vs.Spec.Http![0]!.Route![0]!.Weight);
    }

    [Fact]
    public void A_fractional_number_for_an_integer_is_an_error()
    {
        var error = OneFieldError(Vs("  http:\n  - route:\n    - weight: 1.5\n"));
        Assert.Contains("expected a 32-bit integer", error.Message);
    }

    [Fact]
    public void A_list_for_an_object_is_an_error()
    {
        var error = OneFieldError(Vs("  http:\n  - retries:\n    - attempts: 3\n"));
        Assert.Equal("spec.http[0].retries", error.FieldPath);
        Assert.Equal("expected an object, got a list", error.Message);
        Assert.Equal(8, error.Span.Line);
    }

    [Fact]
    public void An_object_for_a_list_is_an_error()
    {
        var error = OneFieldError(Vs("  hosts:\n    name: reviews\n"));
        Assert.Equal("spec.hosts", error.FieldPath);
        Assert.Equal("expected a list, got an object", error.Message);
        Assert.Equal(7, error.Span.Line);
    }

    [Fact]
    public void A_scalar_for_a_map_is_an_error()
    {
        var error = OneFieldError(Vs("  http:\n  - match:\n    - headers: end-user\n"));
        Assert.Equal("spec.http[0].match[0].headers", error.FieldPath);
        Assert.StartsWith("expected an object (a map of names to values)", error.Message);
    }

    [Fact]
    public void An_object_for_a_scalar_is_an_error()
    {
        var error = OneFieldError(Vs("  http:\n  - timeout: {seconds: 5}\n"));
        Assert.Equal("expected a duration string, got an object", error.Message);
    }

    [Fact]
    public void An_unquoted_number_for_a_string_field_of_an_Istio_kind_is_an_error_with_the_fix()
    {
        var error = OneFieldError(Vs("  http:\n  - route:\n    - destination:\n        host: reviews\n        subset: 2\n"));
        Assert.Equal("spec.http[0].route[0].destination.subset", error.FieldPath);
        Assert.Equal("expected a string, got number 2 (quote it: \"2\")", error.Message);
        Assert.Equal(10, error.Span.Line);
    }

    [Fact]
    public void An_unquoted_boolean_for_a_string_field_of_an_Istio_kind_is_an_error()
    {
        var error = OneFieldError(Vs("  hosts: [true]\n"));
        Assert.Equal("spec.hosts[0]", error.FieldPath);
        Assert.Contains("got boolean true", error.Message);
    }

    [Fact]
    public void A_quoted_number_is_a_fine_string()
    {
        var vs = LoadOne<VirtualService>(Vs("  http:\n  - route:\n    - destination: {host: reviews, subset: \"2\"}\n"));
        Assert.Equal("2", vs.Spec.Http![0]!.Route![0]!.Destination!.Subset);
    }

    [Fact]
    public void A_non_boolean_for_a_boolean_is_an_error()
    {
        var error = OneFieldError(Vs("  http:\n  - match:\n    - ignoreUriCase: \"true\"\n"));
        Assert.Equal("expected a boolean (true or false), got string \"true\"", error.Message);
    }

    [Theory]
    [InlineData("4294967295", null)]
    [InlineData("4294967296", "4294967296 is out of range for an unsigned 32-bit integer (0..4294967295)")]
    [InlineData("-1", "-1 is out of range for an unsigned 32-bit integer (0..4294967295)")]
    public void Uint32_fields_are_range_checked(string value, string? expected)
    {
        var result = Load(Vs($"  http:\n  - match:\n    - port: {value}\n"));
        if (expected is null)
        {
            Assert.Empty(result.FieldErrors);
            Assert.Equal(uint.MaxValue, ((VirtualService)result.Resources[0]).Spec.Http![0]!.Match![0]!.Port);
        }
        else
        {
            var error = Assert.Single(result.FieldErrors);
            Assert.Equal(expected, error.Message);
            Assert.Equal("spec.http[0].match[0].port", error.FieldPath);
        }
    }

    [Fact]
    public void Int32_overflow_is_an_error()
    {
        var error = OneFieldError(Vs("  http:\n  - route:\n    - weight: 2147483648\n"));
        Assert.Contains("out of range for a 32-bit integer", error.Message);
    }

    [Fact]
    public void A_duplicate_key_is_an_error_at_the_second_occurrence_and_the_first_value_wins()
    {
        var result = Load(Vs("  hosts: [first]\n  hosts: [second]\n"));
        var error = Assert.Single(result.FieldErrors);
        Assert.Equal("duplicate key \"hosts\"", error.Message);
        Assert.Equal("spec.hosts", error.FieldPath);
        Assert.Equal(7, error.Span.Line);
        Assert.Equal(["first"], ((VirtualService)result.Resources[0]).Spec.Hosts!);
    }

    [Fact]
    public void A_duplicate_map_key_is_an_error()
    {
        var error = OneFieldError(Vs("  http:\n  - match:\n    - headers:\n        x-a: {exact: a}\n        x-a: {exact: b}\n"));
        Assert.Equal("spec.http[0].match[0].headers.x-a", error.FieldPath);
        Assert.Equal(10, error.Span.Line);
    }

    [Fact]
    public void A_null_list_entry_is_kept_as_a_null_element_for_the_validator_to_report()
    {
        var vs = LoadOne<VirtualService>(Vs("  http:\n  - route:\n    - null\n    - destination: {host: reviews}\n"));
        var route = vs.Spec.Http![0]!.Route!;
        Assert.Equal(2, route.Count);
        Assert.Null(route[0]);
        Assert.Equal("reviews", route[1]!.Destination!.Host);
    }

    [Fact]
    public void Maps_of_StringMatch_bind_each_kind_of_match_and_keep_an_empty_one()
    {
        var vs = LoadOne<VirtualService>(Vs("""
              http:
              - match:
                - headers:
                    x-exact: {exact: a}
                    x-prefix: {prefix: b}
                    x-regex: {regex: "c.*"}
                    x-present: {}
                    x-null:
                  queryParams:
                    debug: {exact: "1"}
                  withoutHeaders:
                    x-canary: {exact: "true"}

            """));
        var match = vs.Spec.Http![0]!.Match![0]!;
        Assert.Equal("a", match.Headers!["x-exact"]!.Exact);
        Assert.Equal("b", match.Headers["x-prefix"]!.Prefix);
        Assert.Equal("c.*", match.Headers["x-regex"]!.Regex);
        Assert.Equal(new StringMatch(), match.Headers["x-present"]);
        Assert.True(match.Headers.ContainsKey("x-null"));
        Assert.Null(match.Headers["x-null"]);
        Assert.Equal("1", match.QueryParams!["debug"]!.Exact);
        Assert.Equal("true", match.WithoutHeaders!["x-canary"]!.Exact);
    }

    [Fact]
    public void An_unknown_field_inside_a_StringMatch_map_entry_names_the_full_path()
    {
        var error = OneFieldError(Vs("  http:\n  - match:\n    - headers:\n        end-user: {exakt: jason}\n"));
        Assert.Equal("spec.http[0].match[0].headers.end-user.exakt", error.FieldPath);
        Assert.Contains("did you mean \"exact\"?", error.Message);
        Assert.Equal(9, error.Span.Line);
    }
}

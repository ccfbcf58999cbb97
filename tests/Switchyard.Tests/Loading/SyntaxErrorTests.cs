using Switchyard.Diagnostics;
using Switchyard.Loading;
using static Switchyard.Tests.Loading.LoadHelpers;

namespace Switchyard.Tests.Loading;

/// <summary>YAML that does not parse: reported with its line; documents before it still load.</summary>
public class SyntaxErrorTests
{
    [Fact]
    public void A_syntax_error_is_reported_at_its_line_and_earlier_documents_still_load()
    {
        var result = Load("""
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: before}
            spec: {hosts: [before]}
            ---
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: broken
            spec:
              hosts: [broken]
              http: a: b
            ---
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: after}
            """);

        Assert.Equal("before", Assert.Single(result.Resources).Name);
        var error = Assert.Single(result.SyntaxErrors);
        Assert.Equal(Severity.Error, error.Severity);
        Assert.StartsWith("YAML syntax error: ", error.Message);
        Assert.DoesNotContain("(Line:", error.Message);
        Assert.Equal(FileName, error.Span.File);
        Assert.Equal(12, error.Span.Line);
    }

    [Fact]
    public void A_document_marker_inside_an_unclosed_list_is_a_syntax_error_not_a_crash()
    {
        // YamlDotNet throws InvalidOperationException here rather than a YamlException.
        var result = Load("apiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec:\n  ports: [80\n  type: x\n---\nkind: Pod\n");
        var error = Assert.Single(result.SyntaxErrors);
        Assert.StartsWith("YAML syntax error", error.Message);
        Assert.InRange(error.Span.Line, 5, 7);
    }

    [Fact]
    public void A_tag_that_is_not_a_uri_is_a_syntax_error_not_a_crash()
    {
        // YamlDotNet throws ArgumentException here rather than a YamlException.
        var result = Load("apiVersion: v1\nkind: Service\nmetadata: !!map]\n  name: a\n");
        var error = Assert.Single(result.SyntaxErrors);
        Assert.StartsWith("YAML syntax error", error.Message);
        Assert.InRange(error.Span.Line, 3, 4);
    }

    [Fact]
    public void An_unterminated_quote_is_reported_where_the_scanner_gave_up()
    {
        var result = Load("apiVersion: v1\nkind: Service\nmetadata:\n  name: \"a\n  namespace: b\n");
        var error = Assert.Single(result.SyntaxErrors);
        Assert.Contains("quoted scalar", error.Message);
        Assert.Equal(4, error.Span.Line);
    }

    // The mistakes below are reported by YamlDotNet lines after the one to fix; the message
    // must point at the line a user would edit.

    [Fact]
    public void An_unclosed_quote_closed_by_a_later_line_is_reported_where_it_was_opened()
    {
        var result = Load("""
            apiVersion: v1
            kind: Service
            metadata:
              name: "reviews
              namespace: "shop"
            spec:
              ports: [{port: 80}]
            """);
        var error = Assert.Single(result.SyntaxErrors);
        Assert.Equal(4, error.Span.Line);
        Assert.Contains("quote", error.Message);
    }

    [Fact]
    public void An_unclosed_flow_mapping_is_reported_where_it_was_opened()
    {
        var result = Load("""
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: reviews
            spec:
              hosts: [reviews]
              http:
              - route:
                - destination: {host: reviews}
            """);
        var error = Assert.Single(result.SyntaxErrors);
        Assert.Equal(3, error.Span.Line);
    }

    [Fact]
    public void An_unclosed_flow_list_is_reported_where_it_was_opened()
    {
        var result = Load("""
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: reviews
            spec:
              hosts: [reviews, ratings
              http:
              - route:
                - destination:
                    host: reviews
            """);
        var error = Assert.Single(result.SyntaxErrors);
        Assert.Equal(6, error.Span.Line);
    }

    [Fact]
    public void A_list_item_indented_one_space_too_far_is_reported_on_its_line()
    {
        var result = Load("""
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: reviews
            spec:
              http:
              - route:
                - destination:
                    host: reviews
                  weight: 50
                 - destination:
                    host: ratings
            """);
        var error = Assert.Single(result.SyntaxErrors);
        Assert.Equal(11, error.Span.Line);
    }

    [Fact]
    public void A_key_without_its_colon_is_reported_on_its_line()
    {
        var result = Load("""
            apiVersion: v1
            kind: Service
            metadata:
              name reviews
              namespace: shop
            """);
        var error = Assert.Single(result.SyntaxErrors);
        Assert.Equal(4, error.Span.Line);
    }

    [Fact]
    public void Bad_indentation_is_a_syntax_error_on_the_offending_line()
    {
        var result = Load("""
            apiVersion: v1
            kind: Service
            metadata:
              name: a
             namespace: b
            """);
        Assert.Empty(result.Resources);
        Assert.Equal(5, Assert.Single(result.SyntaxErrors).Span.Line);
    }

    [Fact]
    public void A_tab_used_for_indentation_is_a_syntax_error()
    {
        var result = Load("apiVersion: v1\nkind: Service\nmetadata:\n\tname: a\n");
        Assert.Equal(4, Assert.Single(result.SyntaxErrors).Span.Line);
    }

    [Fact]
    public void Malformed_json_is_a_syntax_error_with_its_line()
    {
        var result = Load("{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"Service\"\n  \"metadata\": {}\n}\n");
        Assert.Equal(4, Assert.Single(result.SyntaxErrors).Span.Line);
    }

    [Fact]
    public void An_undefined_alias_is_reported_not_thrown()
    {
        var result = Load("apiVersion: v1\nkind: Service\nmetadata: *nowhere\n");
        var error = Assert.Single(result.SyntaxErrors);
        Assert.Equal(3, error.Span.Line);
    }

    [Fact]
    public void A_syntax_error_in_one_file_does_not_stop_the_next_file()
    {
        using var dir = new TempDirectory();
        dir.Write("a.yaml", "key: [unclosed\n");
        dir.Write("b.yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: b}\n");

        var result = ConfigLoader.LoadPaths([dir.Path]);

        Assert.EndsWith("a.yaml", Assert.Single(result.SyntaxErrors).Span.File);
        Assert.Equal("b", Assert.Single(result.Resources).Name);
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_reported_not_a_stack_overflow()
    {
        var result = Load("a: " + new string('[', 500) + new string(']', 500) + "\n");
        var error = Assert.Single(result.SyntaxErrors);
        Assert.Contains($"deeper than {YamlDocumentReader.MaxDepth}", error.Message);
        Assert.Equal(1, error.Span.Line);
    }
}

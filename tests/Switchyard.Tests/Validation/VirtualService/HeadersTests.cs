using static Switchyard.Tests.Validation.VirtualServices.VirtualServiceYaml;

namespace Switchyard.Tests.Validation.VirtualServices;

public class HeadersTests
{
    private static string RouteWithHeaders(string headers) => With("""
        hosts: [reviews]
        http:
        - route:
          - destination: {host: reviews}
          headers:
        """ + "\n" + string.Join('\n', headers.Split('\n').Select(l => "    " + l)));

    [Fact]
    public void Header_edits_at_rule_and_destination_level_are_valid()
    {
        AssertValid(With("""
            hosts: [reviews]
            http:
            - route:
              - destination: {host: reviews}
                headers:
                  request:
                    set: {x-route: v1}
                  response:
                    remove: [x-internal]
              headers:
                request:
                  set: {":authority": reviews.internal, x-id: "%REQ(x-request-id)%"}
                  add: {x-trace: "100%%"}
                  remove: [cookie]
                response:
                  add: {x-served-by: switchyard}
            """));
    }

    [Fact]
    public void Setting_a_pseudo_header_other_than_authority_on_requests_is_rejected()
    {
        var yaml = RouteWithHeaders("""
            request:
              set:
                ":path": /other
            """);
        AssertSingleError(yaml, "spec.http[0].headers.request.set.:path",
            "invalid header \":path\": header cannot have \":\" prefix", ":path");
    }

    [Fact]
    public void Removing_host_from_requests_is_rejected()
    {
        var yaml = RouteWithHeaders("""
            request:
              remove: [x-ok, host]
            """);
        AssertSingleError(yaml, "spec.http[0].headers.request.remove[1]",
            "invalid header \"host\": cannot set Host header", "remove:");
    }

    [Fact]
    public void Editing_host_on_responses_is_rejected()
    {
        var yaml = RouteWithHeaders("""
            response:
              add:
                Host: x
            """);
        AssertSingleError(yaml, "spec.http[0].headers.response.add.Host",
            "invalid header \"Host\": cannot set Host header", "Host:");
    }

    [Fact]
    public void An_empty_header_name_is_rejected()
    {
        var yaml = RouteWithHeaders("""
            response:
              remove: [""]
            """);
        AssertSingleError(yaml, "spec.http[0].headers.response.remove[0]", "header name cannot be empty", "remove:");
    }

    [Fact]
    public void A_header_value_with_a_lone_percent_is_rejected()
    {
        var yaml = RouteWithHeaders("""
            request:
              add:
                x-discount: "50%"
            """);
        var d = Single(yaml);
        Assert.Equal("spec.http[0].headers.request.add.x-discount", d.FieldPath);
        Assert.StartsWith("header value configuration", d.Message);
        Assert.Equal(Line(yaml, "x-discount"), d.Span.Line);
    }

    [Fact]
    public void Per_destination_header_edits_are_checked()
    {
        var yaml = With("""
            hosts: [reviews]
            http:
            - route:
              - destination: {host: reviews}
                headers:
                  response:
                    set:
                      ":status": "200"
            """);
        AssertSingleError(yaml, "spec.http[0].route[0].headers.response.set.:status",
            "invalid header \":status\": header cannot have \":\" prefix", ":status");
    }

    [Fact]
    public void Authority_rewritten_by_rewrite_and_by_a_header_is_rejected()
    {
        var yaml = With("""
            hosts: [reviews]
            http:
            - route:
              - destination: {host: reviews}
              rewrite: {authority: a.example.com}
              headers:
                request:
                  set:
                    host: b.example.com
            """);
        AssertSingleError(yaml, "spec.http[0].headers.request.set.host",
            "authority header cannot be set multiple times: have \"a.example.com\", attempting to set \"b.example.com\"",
            "host: b.example.com");
    }

    [Fact]
    public void Authority_set_and_added_is_rejected()
    {
        var yaml = RouteWithHeaders("""
            request:
              set: {":authority": a.example.com}
              add: {host: b.example.com}
            """);
        AssertSingleError(yaml, "spec.http[0].headers.request.add.host",
            "authority header cannot be set multiple times: have \"a.example.com\", attempting to set \"b.example.com\"",
            "add:");
    }
}

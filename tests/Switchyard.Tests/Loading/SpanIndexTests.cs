using Switchyard.Model;
using Switchyard.Model.Networking;
using static Switchyard.Tests.Loading.LoadHelpers;

namespace Switchyard.Tests.Loading;

/// <summary>Every field, list item and map entry keeps its line, so any message can point at it.</summary>
public class SpanIndexTests
{
    // Line numbers are on the left of each line of this document.
    private const string Text = """
        # reviews routing
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: reviews
          labels:
            app.kubernetes.io/name: reviews
        spec:
          hosts:
          - reviews
          - reviews.example.com
          http:
          - match:
            - headers:
                end-user:
                  exact: jason
            route:
            - destination:
                host: reviews
                subset: v2
            - destination: {host: reviews, subset: v3}
              weight: 0
        """;

    private static VirtualService Loaded() => LoadOne<VirtualService>(Text);

    [Theory]
    [InlineData("metadata", 4)]
    [InlineData("metadata.name", 5)]
    [InlineData("metadata.labels.app.kubernetes.io/name", 7)]
    [InlineData("spec", 8)]
    [InlineData("spec.hosts", 9)]
    [InlineData("spec.hosts[0]", 10)]
    [InlineData("spec.hosts[1]", 11)]
    [InlineData("spec.http", 12)]
    [InlineData("spec.http[0]", 13)]
    [InlineData("spec.http[0].match[0]", 14)]
    [InlineData("spec.http[0].match[0].headers", 14)]
    [InlineData("spec.http[0].match[0].headers.end-user", 15)]
    [InlineData("spec.http[0].match[0].headers.end-user.exact", 16)]
    [InlineData("spec.http[0].route", 17)]
    [InlineData("spec.http[0].route[0].destination.subset", 20)]
    [InlineData("spec.http[0].route[1]", 21)]
    [InlineData("spec.http[0].route[1].destination.subset", 21)]
    [InlineData("spec.http[0].route[1].weight", 22)]
    public void Fields_list_items_and_map_entries_have_their_line(string path, int line)
    {
        var vs = Loaded();
        Assert.True(vs.Spans.TryGet(path, out var span), $"no span for {path}");
        Assert.Equal(line, span.Line);
        Assert.Equal(FileName, span.File);
        Assert.True(span.Column > 0);
    }

    [Fact]
    public void The_resource_span_is_the_start_of_its_document_after_comments()
    {
        var vs = Loaded();
        Assert.Equal(new SourceSpan(FileName, 2, 1), vs.Span);
        Assert.Equal(vs.Span, vs.Spans.Root);
    }

    [Theory]
    [InlineData("spec.http[0].route[0].weight", 18)] // missing field: the list item that lacks it
    [InlineData("spec.http[0].timeout", 13)]
    [InlineData("spec.http[0].route[0].destination.port.number", 18)]
    [InlineData("spec.http[5].route[0]", 12)] // missing item: the list
    [InlineData("spec.tcp[0].route", 8)]
    [InlineData("metadata.namespace", 4)]
    [InlineData("status", 2)] // nothing at all: the resource
    public void Find_falls_back_to_the_nearest_ancestor_for_a_missing_field(string path, int line)
    {
        var vs = Loaded();
        Assert.False(vs.Spans.TryGet(path, out _));
        Assert.Equal(line, vs.SpanOf(path).Line);
    }

    [Fact]
    public void An_empty_path_is_the_resource()
    {
        Assert.Equal(2, Loaded().SpanOf("").Line);
    }

    [Fact]
    public void Loader_errors_and_resource_spans_use_the_same_file_name()
    {
        var result = ConfigLoaderTestText();
        Assert.All(result.FieldErrors, e => Assert.Equal(FileName, e.Span.File));
        Assert.All(result.Resources, r => Assert.Equal(FileName, r.Span.File));
    }

    private static Switchyard.Loading.LoadResult ConfigLoaderTestText() => Load(Text.Replace("weight: 0", "wieght: 0"));
}

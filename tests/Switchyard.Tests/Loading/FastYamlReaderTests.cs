using System.Text;
using Switchyard.Diagnostics;
using Switchyard.Loading;

namespace Switchyard.Tests.Loading;

/// <summary>
/// The fast reader must read what it accepts exactly as YamlDotNet does (every value, style,
/// line and column), and must accept the YAML real repositories are made of, or loading is slow.
/// </summary>
public class FastYamlReaderTests
{
    private const string Manifest = """
        # a typical manifest, as kubectl and editors write it
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: reviews   # trailing comment
          namespace: "shop"
          labels:
            app.kubernetes.io/name: 'reviews'
          annotations: {}
        spec:
          hosts:
          - reviews
          - "reviews.example.com"
          gateways: []
          http:
          - name: jason
            match:
            - headers:
                end-user:
                  exact: "it's \"me\""
              uri:
                regex: "/static/[a-z0-9]+\\.(css|js)"
            route:
            - destination:
                host: reviews
                subset: v2
                port:
                  number: 9080
              weight: 100
            retries:
              attempts: 3
              retryOn: 5xx,reset,connect-failure
            timeout: 5s

        ---
        ---
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata:
            name: 'it''s'
        spec:
            host: reviews.shop.svc.cluster.local
            subsets:
              - name: v1
                labels: {}
              -   name: v2
                  labels:
                    version: v2
        """;

    [Fact]
    public void A_typical_manifest_is_read_by_the_fast_reader()
    {
        Assert.True(FastYamlReader.TryRead(Manifest, "m.yaml", new YamlTape(), _ => { }));
    }

    [Fact]
    public void A_typical_manifest_reads_exactly_as_yamldotnet_reads_it()
    {
        var (fast, slow) = BothWays(Manifest);
        Assert.NotNull(fast);
        Assert.Equal(slow, fast);
    }

    [Theory]
    [InlineData("a: |\n  text\n")]
    [InlineData("a: &x 1\nb: *x\n")]
    [InlineData("a: {b: c}\n")]
    [InlineData("a:\n  b\n  c\n")]
    [InlineData("a:\n\tb: c\n")]
    [InlineData("a: b\r\nc: d\r\n")]
    [InlineData("a:\nb: c\n")]
    [InlineData("a: b: c\n")]
    [InlineData("a: \"unclosed\nb: c\n")]
    [InlineData("- - a\n")]
    [InlineData("a: !!str 1\n")]
    public void Other_yaml_is_left_to_yamldotnet(string text)
    {
        Assert.False(FastYamlReader.TryRead(text, "t.yaml", new YamlTape(), _ => { }));
    }

    [Fact]
    public void Whatever_the_fast_reader_accepts_of_the_fuzz_corpus_reads_as_yamldotnet_reads_it()
    {
        var random = new Random(4242);
        var mutator = new YamlMutator(random);
        var seeds = FuzzCorpus.Seeds();
        var accepted = 0;
        for (var i = 0; i < 3000; i++)
        {
            var text = i < seeds.Count ? seeds[i] : i % 3 == 0 ? mutator.TokenSoup(null) : mutator.Mutate(seeds[i % seeds.Count]);
            // The loader refuses control characters before either reader sees the text.
            if (NonPrintableCharacters.Check(text, "t.yaml") is not null) continue;
            var (fast, slow) = BothWays(text);
            if (fast is null) continue;
            accepted++;
            if (fast != slow) Assert.Fail($"case {i} differs\n--- input ---\n{Visible(text)}\n--- fast ---\n{fast}\n--- yamldotnet ---\n{slow}");
        }
        // The comparison means something only if the fast reader took a good share of the cases.
        Assert.InRange(accepted, 300, 3000);
    }

    private static string Visible(string text)
    {
        var sb = new StringBuilder();
        foreach (var c in text) sb.Append(c is '\n' || c >= ' ' && c < 127 ? c.ToString() : $"\\u{(int)c:X4}");
        return sb.ToString();
    }

    /// <summary>Both readers' documents, dumped node by node; the fast one is null when it gave up.</summary>
    private static (string? Fast, string Slow) BothWays(string text)
    {
        var fast = new StringBuilder();
        var tape = new YamlTape();
        var accepted = FastYamlReader.TryRead(text, "t.yaml", tape, t => Dump(t, fast));
        var slow = new StringBuilder();
        var errors = new List<Diagnostic>();
        YamlDocumentReader.Read(text, "t.yaml", new YamlTape(), t => Dump(t, slow), errors);
        if (errors.Count > 0) slow.Append("error ").Append(errors[0].Span.Line);
        return (accepted ? fast.ToString() : null, slow.ToString());
    }

    private static void Dump(YamlTape tape, StringBuilder into)
    {
        into.Append("---\n");
        for (var i = 0; i < tape.Count; i++)
        {
            var n = tape[i];
            into.Append($"{n.Kind} {n.Line}:{n.Column} n={n.Count} end={n.End}");
            if (n.Kind == YamlNodeKind.Scalar) into.Append(n.Plain ? " plain " : " quoted ").Append('[').Append(tape.Text(i)).Append(']');
            if (n.Kind == YamlNodeKind.Alias) into.Append(" -> ").Append(n.Start);
            into.Append('\n');
        }
    }
}

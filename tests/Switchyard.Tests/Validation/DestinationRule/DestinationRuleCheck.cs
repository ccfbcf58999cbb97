using Switchyard.Diagnostics;
using Switchyard.Loading;
using Switchyard.Validation;

namespace Switchyard.Tests.Validation.DestinationRules;

/// <summary>
/// Loads one DestinationRule (namespace <c>bookinfo</c>) from the <c>spec:</c> text of a test and
/// validates it. The line a message should point at is marked in the YAML with <c># &lt;-</c>.
/// </summary>
internal sealed class DestinationRuleCheck
{
    private const string Header = """
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata:
          name: reviews
          namespace: bookinfo

        """;

    private readonly string _yaml;

    private DestinationRuleCheck(string yaml, IReadOnlyList<Diagnostic> diagnostics)
    {
        _yaml = yaml;
        Diagnostics = diagnostics;
    }

    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    public static DestinationRuleCheck Of(string spec)
    {
        var yaml = Header + spec;
        var loaded = ConfigLoader.LoadText(yaml, "dr.yaml");
        Assert.Empty(loaded.AllDiagnostics);
        var rule = Assert.Single(loaded.Resources);
        return new DestinationRuleCheck(yaml, ResourceValidator.Validate(rule));
    }

    /// <summary>The 1-based line of the YAML marked with <c># &lt;-</c>.</summary>
    public int MarkedLine
    {
        get
        {
            var lines = _yaml.Split('\n');
            var index = Array.FindIndex(lines, l => l.Contains("# <-", StringComparison.Ordinal));
            Assert.True(index >= 0, "the test YAML has no '# <-' marker");
            return index + 1;
        }
    }

    public void IsValid() => Assert.Empty(Diagnostics);

    /// <summary>Exactly this one message (an error), at this field, on the marked line.</summary>
    public Diagnostic HasOnlyError(string path, string message)
    {
        var d = Assert.Single(Diagnostics);
        return Matches(d, Severity.Error, path, message);
    }

    /// <summary>Exactly this one message (a warning), at this field, on the marked line.</summary>
    public Diagnostic HasOnlyWarning(string path, string message)
    {
        var d = Assert.Single(Diagnostics);
        return Matches(d, Severity.Warning, path, message);
    }

    /// <summary>This error is among the messages, at this field, on the marked line.</summary>
    public Diagnostic HasError(string path, string message) => Has(Severity.Error, path, message);

    public Diagnostic HasWarning(string path, string message) => Has(Severity.Warning, path, message);

    private Diagnostic Has(Severity severity, string path, string message)
    {
        var d = Diagnostics.FirstOrDefault(x => x.Message == message && x.FieldPath == path);
        Assert.True(d is not null,
            $"expected {severity} \"{message}\" at {path}; got:\n" + string.Join("\n", Diagnostics.Select(Describe)));
        return Matches(d, severity, path, message);
    }

    private Diagnostic Matches(Diagnostic d, Severity severity, string path, string message)
    {
        Assert.Equal(message, d.Message);
        Assert.Equal(path, d.FieldPath);
        Assert.Equal(severity, d.Severity);
        Assert.Equal(MarkedLine, d.Span.Line);
        Assert.Equal("dr.yaml", d.Span.File);
        return d;
    }

    private static string Describe(Diagnostic d) => $"  {d.Severity} {d.FieldPath}: {d.Message} (line {d.Span.Line})";
}

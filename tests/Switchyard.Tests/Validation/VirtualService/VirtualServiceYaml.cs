using Switchyard.Diagnostics;
using Switchyard.Loading;
using Switchyard.Model.Networking;
using Switchyard.Validation;

namespace Switchyard.Tests.Validation.VirtualServices;

/// <summary>
/// Loads one VirtualService from YAML text through the real loader and validates it, so every
/// test sees the same paths and lines a user would.
/// </summary>
internal static class VirtualServiceYaml
{
    public const string File = "vs.yaml";

    /// <summary>A whole document: the envelope (namespace "default") and the given spec lines.</summary>
    public static string With(string spec)
    {
        var indented = string.Join('\n', spec.Split('\n').Select(l => l.Length == 0 ? l : "  " + l));
        return $"""
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: reviews
              namespace: default
            spec:
            {indented}
            """;
    }

    public static IReadOnlyList<Diagnostic> Validate(string yaml)
    {
        var result = ConfigLoader.LoadText(yaml, File);
        Assert.Empty(result.AllDiagnostics);
        var vs = Assert.Single(result.Resources.OfType<VirtualService>());
        return ResourceValidator.Validate(vs);
    }

    /// <summary>The one diagnostic the document produces.</summary>
    public static Diagnostic Single(string yaml) => Assert.Single(Validate(yaml));

    /// <summary>The 1-based line of the first line containing <paramref name="snippet"/>.</summary>
    public static int Line(string yaml, string snippet)
    {
        var lines = yaml.Split('\n');
        for (var i = 0; i < lines.Length; i++)
            if (lines[i].Contains(snippet, StringComparison.Ordinal)) return i + 1;
        throw new ArgumentException($"\"{snippet}\" is not in the YAML", nameof(snippet));
    }

    /// <summary>Asserts one error with this path and message, at the line holding <paramref name="lineOf"/>.</summary>
    public static void AssertSingleError(string yaml, string path, string message, string lineOf) =>
        AssertSingle(yaml, Severity.Error, path, message, lineOf);

    /// <summary>As above, with the line given as a number (when the text repeats).</summary>
    public static void AssertSingleError(string yaml, string path, string message, int line)
    {
        var d = Single(yaml);
        Assert.Equal((Severity.Error, path, message, line), (d.Severity, d.FieldPath, d.Message, d.Span.Line));
    }

    public static void AssertSingleWarning(string yaml, string path, string message, string lineOf) =>
        AssertSingle(yaml, Severity.Warning, path, message, lineOf);

    private static void AssertSingle(string yaml, Severity severity, string path, string message, string lineOf)
    {
        var d = Single(yaml);
        Assert.Equal(message, d.Message);
        Assert.Equal(path, d.FieldPath);
        Assert.Equal(severity, d.Severity);
        Assert.Equal(File, d.Span.File);
        Assert.Equal(Line(yaml, lineOf), d.Span.Line);
    }

    /// <summary>Asserts the document has no errors and no warnings.</summary>
    public static void AssertValid(string yaml) => Assert.Empty(Validate(yaml));

    /// <summary>Asserts one of several diagnostics has this path, message and line.</summary>
    public static void AssertHasError(string yaml, string path, string message, string lineOf)
    {
        var all = Validate(yaml);
        var line = Line(yaml, lineOf);
        Assert.True(all.Any(d => d.Severity == Severity.Error && d.FieldPath == path && d.Message == message && d.Span.Line == line),
            $"expected error at {path} (line {line}): {message}\nactual:\n" +
            string.Join('\n', all.Select(d => $"  {d.Severity} {d.FieldPath} line {d.Span.Line}: {d.Message}")));
    }
}

using Switchyard.Diagnostics;
using Switchyard.Loading;
using Switchyard.Validation;

namespace Switchyard.Tests.Validation.ServiceEntries;

/// <summary>Loads YAML text the way users write it, validates it, and finds messages by text, field and line.</summary>
internal static class ValidationAssert
{
    public static IReadOnlyList<Diagnostic> Validate(string yaml)
    {
        var loaded = ConfigLoader.LoadText(yaml, "test.yaml");
        Assert.Empty(loaded.AllDiagnostics); // structural problems are the loader's, not ours
        var resource = Assert.Single(loaded.Resources);
        return ResourceValidator.Validate(resource);
    }

    public static void HasError(IReadOnlyList<Diagnostic> diagnostics, string message, string path, int line) =>
        Has(diagnostics, Severity.Error, message, path, line);

    public static void HasWarning(IReadOnlyList<Diagnostic> diagnostics, string message, string path, int line) =>
        Has(diagnostics, Severity.Warning, message, path, line);

    public static void Has(IReadOnlyList<Diagnostic> diagnostics, Severity severity, string message, string path, int line)
    {
        var found = diagnostics.Any(d => d.Severity == severity && d.Message == message && d.FieldPath == path && d.Span.Line == line);
        Assert.True(found,
            $"expected {severity} at {path} (line {line}): {message}\nbut got:\n" + Describe(diagnostics));
    }

    public static void Clean(IReadOnlyList<Diagnostic> diagnostics) =>
        Assert.True(diagnostics.Count == 0, "expected no messages but got:\n" + Describe(diagnostics));

    public static void NoErrors(IReadOnlyList<Diagnostic> diagnostics) =>
        Assert.True(diagnostics.All(d => d.Severity != Severity.Error), "expected no errors but got:\n" + Describe(diagnostics));

    public static void Lacks(IReadOnlyList<Diagnostic> diagnostics, string messageFragment) =>
        Assert.True(diagnostics.All(d => !d.Message.Contains(messageFragment, StringComparison.Ordinal)),
            $"expected nothing about \"{messageFragment}\" but got:\n" + Describe(diagnostics));

    private static string Describe(IReadOnlyList<Diagnostic> diagnostics) =>
        string.Join("\n", diagnostics.Select(d => $"  {d.Severity} line {d.Span.Line} {d.FieldPath}: {d.Message}"));
}

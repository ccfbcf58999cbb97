using Switchyard.Loading;
using Switchyard.Sources;
using static Switchyard.Tests.Loading.LoadHelpers;

namespace Switchyard.Tests.Loading;

/// <summary>
/// A file that is not text (NUL bytes, control characters) is a syntax error naming the file,
/// as go-yaml reports it, never "valid, 0 resources".
/// </summary>
public class BinaryInputTests
{
    [Fact]
    public void A_file_of_nul_bytes_is_a_syntax_error_not_valid()
    {
        using var dir = new TempDirectory();
        var path = System.IO.Path.Combine(dir.Path, "zeros.yaml");
        File.WriteAllBytes(path, new byte[4096]);

        var load = ConfigPipeline.Read([path], new LoadOptions());

        Assert.False(load.IsValid);
        var error = Assert.Single(load.SyntaxErrors);
        Assert.Equal(path, error.Span.File);
        Assert.Equal(1, error.Span.Line);
        Assert.Equal("YAML syntax error: a NUL byte is not allowed in YAML text (is this a binary file?)", error.Message);
        Assert.Contains(error, load.Set.Rejected);
    }

    [Fact]
    public void A_control_character_is_reported_at_its_line_and_nothing_of_the_file_is_read()
    {
        var result = Load("apiVersion: v1\nkind: Service\nmetadata: {name: a}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: \u0001}\n");
        Assert.Empty(result.Resources);
        var error = Assert.Single(result.SyntaxErrors);
        Assert.Equal(7, error.Span.Line);
        Assert.Contains("U+0001", error.Message);
    }

    [Fact]
    public void Printable_unicode_and_a_byte_order_mark_are_text()
    {
        var result = Load("\uFEFFapiVersion: v1\nkind: Service\nmetadata: {name: caf\u00e9, labels: {emoji: \"\U0001F600\"}}\n");
        Assert.Empty(result.AllDiagnostics);
        Assert.Equal("café", Assert.Single(result.Resources).Name);
    }
}

using System.Text;
using Switchyard.Loading;

namespace Switchyard.Tests.Loading;

/// <summary>The loader's file read gives exactly the text File.ReadAllText gives, for every encoding case.</summary>
public class ConfigTextTests
{
    public static TheoryData<string, byte[]> Files => new()
    {
        { "plain UTF-8", Encoding.UTF8.GetBytes("apiVersion: v1\nkind: Service\nmetadata: {name: caf\u00e9}\n") },
        { "UTF-8 with a byte order mark", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("a: b\n")] },
        { "UTF-16 with a byte order mark", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("a: b\n")] },
        { "invalid UTF-8", [0x61, 0x3A, 0x20, 0xC3, 0x28, 0xFF, 0x0A] },
        { "NUL bytes", new byte[1000] },
        { "empty", [] },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void Reads_what_File_ReadAllText_reads(string name, byte[] bytes)
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "f.yaml");
        File.WriteAllBytes(path, bytes);
        Assert.True(File.ReadAllText(path) == ConfigText.ReadAllText(path), name);
    }
}

using System.Runtime.CompilerServices;
using Switchyard.Loading;
using Switchyard.Registry;
using Switchyard.Translation;

namespace Switchyard.Tests.Golden;

/// <summary>
/// YAML in, snapshot JSON out: Golden/&lt;case&gt;/input.yaml must translate to snapshot.json.
/// Run with <c>UPDATE_GOLDEN=1</c> to rewrite the expected files after a deliberate change.
/// </summary>
public class GoldenTests
{
    [Theory]
    [InlineData("frontend")]
    [InlineData("policies")]
    public void Snapshot_matches_the_golden_file(string name)
    {
        var dir = Path.Combine(SourceDirectory(), name);
        var resources = ConfigLoader.LoadText(File.ReadAllText(Path.Combine(dir, "input.yaml")), "input.yaml").Resources;
        var snapshot = MeshTranslator.Translate(resources, ServiceRegistry.Build(resources), new TranslationOptions { ProxyNamespace = "default" }, 1);
        var actual = SnapshotJson.Write(snapshot);
        var expectedPath = Path.Combine(dir, "snapshot.json");
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1") File.WriteAllText(expectedPath, actual);
        Assert.Equal(File.ReadAllText(expectedPath).ReplaceLineEndings("\n"), actual);
    }

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}

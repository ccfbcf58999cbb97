using Switchyard.Diagnostics;

namespace Switchyard.Tests.Cli;

/// <summary>
/// analyze -o yaml is written through YamlDotNet's emitter (no reflection, for NativeAOT); its
/// text must stay what YamlDotNet's serializer printed before, for values that need quoting too.
/// </summary>
public class AnalyzeYamlWriterTests
{
    public static TheoryData<string> Values() => new()
    {
        "", "IST0101", "true", "null", "~", "123", "0x1F", "1.5", "yes", "- dash", "key: value", "#comment",
        "'single'", "\"double\"", "trailing space ", " leading", "line one\nline two", "tab\there", "ünïcödé",
        "@at", "`tick", "[x]", "{y}", "a,b", "*alias", "&anchor", "!tag", "%pct", "|pipe", ">gt", "? q",
        "https://istio.io/latest/docs/reference/config/analysis/ist0101/", "VirtualService shop/reviews",
        new string('x', 300) + " " + new string('y', 300),
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void Emitter_output_matches_the_reflection_serializer(string value)
    {
        var rows = new List<Dictionary<string, string>>
        {
            new() { ["code"] = "", ["documentationUrl"] = "", ["level"] = "Error", ["message"] = value, ["origin"] = value },
            new() { ["code"] = value, ["level"] = "Warning", ["message"] = "m", ["origin"] = "o", ["reference"] = "r.yaml:3" },
        };
        var expected = new YamlDotNet.Serialization.SerializerBuilder().Build().Serialize(rows);
        Assert.Equal(expected, AnalyzeYamlWriter.Write(rows));
    }
}

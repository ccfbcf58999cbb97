using System.Text.Json.Nodes;
using Switchyard.Proxy.KubeApi;

namespace Switchyard.Proxy.Tests.KubeApi;

/// <summary>The stored YAML reads back as the same JSON, whatever the strings hold.</summary>
public sealed class YamlRoundTripTests
{
    [Fact]
    public void Strings_that_look_like_other_types_or_hold_escapes_read_back_unchanged()
    {
        var obj = (JsonObject)JsonNode.Parse("""
            {"a":"true","b":"80","c":"a: b","d":"line1\nline2","e":"quote \" and \\","f":"*","g":"","h":null,"i":1.5,"j":-3,"k":false,
             "l":[],"m":{},"n":[{"x":"y","z":[1,"2"]},"tab\there","\u0001"],"f:spec":{"k:{\"name\":\"a\"}":{}},"o":"yes","p":"~","q":"#not a comment"}
            """)!;
        var back = YamlToJson.Documents(JsonToYaml.Write(obj));
        Assert.True(JsonNode.DeepEquals(obj, Assert.Single(back)), JsonToYaml.Write(obj));
    }
}

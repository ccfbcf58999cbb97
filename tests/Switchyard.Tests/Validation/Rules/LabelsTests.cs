using Switchyard.Validation.Rules;

namespace Switchyard.Tests.Validation.Rules;

public class LabelsTests
{
    [Fact]
    public void Labels_accept_prefixed_key_and_empty_value() =>
        Assert.Empty(Labels.CheckLabels(new Dictionary<string, string> { ["app.kubernetes.io/name"] = "", ["version"] = "v1.2_rc-3" }));

    [Fact]
    public void Labels_accept_null_map() => Assert.Empty(Labels.CheckLabels(null));

    [Theory]
    [InlineData("")]
    [InlineData("-app")]
    [InlineData("app-")]
    [InlineData("a/b/c")]
    [InlineData("/app")]
    [InlineData("bad_prefix.com/app")]
    public void Label_key_rejects(string key) => Assert.Equal($"invalid tag key: \"{key}\"", Labels.CheckLabelKey(key));

    [Fact]
    public void Label_key_rejects_name_longer_than_63()
    {
        var key = "example.com/" + new string('a', 64);
        Assert.Equal($"invalid tag key: \"{key}\" (name is too long)", Labels.CheckLabelKey(key));
    }

    [Fact]
    public void Label_key_rejects_prefix_longer_than_253()
    {
        var key = string.Join('.', Enumerable.Repeat(new string('a', 50), 6)) + "/app";
        Assert.Equal($"invalid tag key: \"{key}\" (DNS prefix is too long)", Labels.CheckLabelKey(key));
    }

    [Fact]
    public void Label_value_has_no_length_cap() => Assert.Null(Labels.CheckLabelValue(new string('a', 100)));

    [Fact]
    public void Label_value_rejects_bad_chars() => Assert.Equal("invalid tag value: \"a b\"", Labels.CheckLabelValue("a b"));

    [Fact]
    public void Labels_report_key_then_value_per_entry() =>
        Assert.Equal(["invalid tag key: \"-k\"", "invalid tag value: \"v-\""],
            Labels.CheckLabels(new Dictionary<string, string> { ["-k"] = "v-" }));
}

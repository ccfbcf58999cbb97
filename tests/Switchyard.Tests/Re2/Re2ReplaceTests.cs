using Switchyard.Re2;

namespace Switchyard.Tests.Re2;

/// <summary>Envoy's regex_rewrite: replace every match, with \1..\9 for captures.</summary>
public class Re2ReplaceTests
{
    [Theory]
    [InlineData("/api/v1/(.*)", "/api/v1/users/7", @"/\1", "/users/7")]
    [InlineData("^/service/([^/]+)(/.*)$", "/service/foo/v1/api", @"\2/instance/\1", "/v1/api/instance/foo")]
    [InlineData("one", "one two one", "1", "1 two 1")]
    [InlineData("o", "foo", "0", "f00")]
    [InlineData("(a)", "cat", "$1", "c$1t")]
    [InlineData("(a)", "cat", @"\\\1", @"c\at")]
    [InlineData("x", "abc", "y", "abc")]
    [InlineData("(?i)abc", "xABCx", @"[\0]", "x[ABC]x")]
    public void Rewrite_replaces_every_match(string pattern, string input, string rewrite, string expected) =>
        Assert.Equal(expected, Re2Regex.Compile(pattern).Replace(input, rewrite));

    [Fact]
    public void Empty_match_right_after_a_match_is_skipped_as_in_RE2_GlobalReplace() =>
        Assert.Equal("-b-c-", Re2Regex.Compile("a*").Replace("baaac", "-"));

    [Fact]
    public void Rewrite_referring_to_a_missing_group_is_rejected()
    {
        var regex = Re2Regex.Compile("(a)");
        Assert.Contains("requests 2 matches", regex.CheckRewrite(@"\2"));
        Assert.Throws<ArgumentException>(() => regex.Replace("a", @"\2"));
        Assert.Contains("not allowed at end", regex.CheckRewrite(@"x\"));
        Assert.Null(regex.CheckRewrite(@"/\1/$"));
    }

    [Fact]
    public void Unanchored_search_finds_a_match_inside() =>
        Assert.True(Re2Regex.Compile(@"v\d").IsMatch("/api/v2/x"));
}

using Switchyard.Re2;

namespace Switchyard.Tests.Re2;

/// <summary>Where .NET's defaults differ from RE2, the compiled pattern must behave like RE2.</summary>
public class Re2SemanticsTests
{
    private static bool Full(string pattern, string input) => Re2Regex.Compile(pattern).IsFullMatch(input);

    [Fact]
    public void Dollar_is_end_of_text_not_before_a_final_newline() => Assert.False(Full("a$", "a\n"));

    [Fact]
    public void Full_match_needs_the_whole_input()
    {
        Assert.True(Full(@"\d+", "123"));
        Assert.False(Full(@"\d+", "a123"));
        Assert.False(Full(@"\d+", "123\n"));
    }

    [Fact]
    public void Whitespace_class_is_ASCII_without_vertical_tab()
    {
        Assert.False(Full(@"\s", "\v"));
        Assert.False(Full(@"\s", "\u00A0"));
        Assert.True(Full(@"\s+", " \t\n\f\r"));
    }

    [Fact]
    public void Digit_class_is_ASCII_only() => Assert.False(Full(@"\d", "٣"));

    [Fact]
    public void Word_class_is_ASCII_only()
    {
        Assert.False(Full(@"\w", "é"));
        Assert.True(Full(@"\w+", "a_Z9"));
    }

    [Fact]
    public void Posix_classes_expand_to_ASCII_ranges()
    {
        Assert.True(Full("[[:alpha:]]+", "abc"));
        Assert.False(Full("[[:alpha:]]+", "abç"));
        Assert.True(Full("[[:^alpha:]]+", "123"));
    }

    [Fact]
    public void Python_style_named_group_full_matches()
    {
        var regex = Re2Regex.Compile("(?P<x>a)b");
        Assert.True(regex.IsFullMatch("ab"));
        Assert.Contains("(?<x>", regex.DotNetPattern);
        Assert.Equal(1, regex.CaptureGroupCount);
    }

    [Fact]
    public void Case_insensitive_flag_folds_letters()
    {
        Assert.True(Full("(?i)abc", "ABC"));
        Assert.True(Full("(?i)k", "\u212A"));
        Assert.False(Full("(?i)[^k]", "K"));
        Assert.True(Full("a(?i:b)c", "aBc"));
        Assert.False(Full("a(?i:b)c", "aBC"));
    }

    [Fact]
    public void Dot_excludes_newline_unless_s_flag()
    {
        Assert.False(Full(".", "\n"));
        Assert.True(Full("(?s).", "\n"));
        Assert.True(Full("[^a]", "\n"));
    }

    [Fact]
    public void Dot_matches_one_character_outside_the_BMP()
    {
        Assert.True(Full(".", "😀"));
        Assert.True(Full(@"\x{1F600}", "😀"));
        Assert.True(Full("[😀-😂]", "😁"));
        Assert.False(Full("[^😀]", "😀"));
    }

    [Fact]
    public void Multiline_flag_makes_anchors_match_at_lines() =>
        Assert.True(Re2Regex.Compile("(?m)^b$").IsMatch("a\nb\nc"));

    [Fact]
    public void Word_boundary_is_ASCII()
    {
        // é is not an RE2 word character, so there is a boundary between f and é, and none after é.
        var regex = Re2Regex.Compile(@"\bcaf\b");
        Assert.False(regex.IsLinearTime);
        Assert.True(regex.IsMatch("a café!"));
        Assert.False(Re2Regex.Compile(@"é\b").IsMatch("café"));
        Assert.False(Re2Regex.Compile(@"x\By").IsMatch("x y"));
    }

    [Fact]
    public void Patterns_without_word_boundaries_run_in_linear_time() =>
        Assert.True(Re2Regex.Compile("(a|b)*c{2,5}").IsLinearTime);

    [Fact]
    public void Ungreedy_flag_swaps_greediness()
    {
        Assert.Equal("<x>b", Re2Regex.Compile("(?U)a+").Replace("aab", "<x>").Replace("<x><x>", "<x>"));
        Assert.Equal("-bb", Re2Regex.Compile("(?U)(a+?)").Replace("aabb", "-"));
        Assert.Equal("--bb", Re2Regex.Compile("(?U)a+").Replace("aabb", "-"));
    }

    [Fact]
    public void Quoted_text_is_literal()
    {
        Assert.True(Full(@"\Qa.b*\E+", "a.b**"));
        Assert.False(Full(@"\Qa.b\E", "axb"));
    }

    [Fact]
    public void Escapes_denote_code_points()
    {
        Assert.True(Full(@"\x41\101\x{42}", "AAB"));
        Assert.True(Full(@"\C\C", "a\n"));
        Assert.True(Full(@"\pN+", "12٣"));
        Assert.True(Full(@"\p{Greek}+", "αβγ"));
        Assert.False(Full(@"\PL", "a"));
    }

    [Fact]
    public void Brace_that_is_not_a_repeat_is_literal()
    {
        Assert.True(Full("a{,5}", "a{,5}"));
        Assert.True(Full("a{2}", "aa"));
        Assert.True(Full("a{2,}", "aaaa"));
        Assert.False(Full("a{2,3}", "aaaa"));
    }

    [Fact]
    public void Captures_keep_RE2_numbering_when_named_precede_unnamed()
    {
        var regex = Re2Regex.Compile("(?P<first>a)(b)");
        Assert.Equal("b-a", regex.Replace("ab", @"\2-\1"));
    }

    [Fact]
    public void Span_input_matches_like_string_input() =>
        Assert.True(Re2Regex.Compile("/api/.*").IsFullMatch("/api/v1/users".AsSpan()));
}

using Switchyard.Re2;

namespace Switchyard.Tests.Re2;

/// <summary>What RE2 accepts and rejects, with its error wording.</summary>
public class Re2SyntaxTests
{
    public static TheoryData<string> Accepted() => new()
    {
        "abc", "a|b|c", "(a)(b)", "(?:ab)+", "(?P<name>re)", "(?<name>re)", "(?i)abc", "(?s).", "(?m)^a$",
        "(?U)a+", "(?i:abc)d", "(?i-s:a.)", "(?-i)a", "(?)", "[[:alpha:]]", "[[:^alpha:]]", "[^[:digit:]x]",
        @"\d\s\w\D\S\W", @"\bfoo\B", @"\Afoo\z", @"\pN", @"\p{Greek}", @"\PN", @"\p{^L}", @"\P{Lu}",
        @"\Qa.b*c\E", @"\Qunterminated", @"\x{10FFFF}", @"\x7F", @"\123", @"\0", @"\C", "a{3}", "a{3,}",
        "a{3,5}", "a{3,5}?", "a*?b+?c??", "a{", "a{,5}", "a{x}", "{", "}", "]", "a{01}", "[]a]", "[^]a]",
        "[a-]", "[-a]", @"[\d-z]", @"\.\*\+\?\(\)\[\]\{\}\|\^\$\\", "/api/v1/(.*)", "^/products/[0-9]+$",
        "(a{1000})", "(a{10}){100}", "((((a))))", "x*", "(|a)", "a||b", "()", "^*", @"\_", @"[\x{100}-\x{200}]",
        "(?P<a>x)(?P<b>y)", "a{1000}", "(?i)[k]", "[\\]]",
    };

    public static TheoryData<string, string> Rejected() => new()
    {
        { @"(a)\1", @"invalid escape sequence: \1" },
        { "(?=a)", "invalid or unsupported Perl syntax: (?=" },
        { "(?!a)", "invalid or unsupported Perl syntax: (?!" },
        { "(?<=a)b", "invalid or unsupported Perl syntax: (?<=" },
        { "(?<!a)b", "invalid or unsupported Perl syntax: (?<!" },
        { "(?>a)", "invalid or unsupported Perl syntax: (?>" },
        { "(?(1)a|b)", "invalid or unsupported Perl syntax: (?(" },
        { "(?P=name)", "invalid or unsupported Perl syntax: (?P=" },
        { "(?x)a", "invalid or unsupported Perl syntax: (?x" },
        { "(?i", "invalid or unsupported Perl syntax: (?i" },
        { "(?-)", "invalid or unsupported Perl syntax: (?-)" },
        { "a*+", "bad repetition operator: *+" },
        { "a++", "bad repetition operator: ++" },
        { "a**", "bad repetition operator: **" },
        { "a?*", "bad repetition operator: ?*" },
        { "a{2}{3}", "bad repetition operator: {2}{3}" },
        { "*a", "missing argument to repetition operator: *" },
        { "(+)", "missing argument to repetition operator: +" },
        { "a|?", "missing argument to repetition operator: ?" },
        { "(abc", "missing closing )" },
        { "abc)", "unexpected )" },
        { "[abc", "missing closing ]: [abc" },
        { "[a-", "missing closing ]" },
        { "[z-a]", "invalid character class range: z-a" },
        { "a{1001}", "invalid repeat count: {1001}" },
        { "a{5,3}", "invalid repeat count: {5,3}" },
        { "(a{100}){100}", "invalid repeat count: {100}" },
        { @"\Z", @"invalid escape sequence: \Z" },
        { @"\p{Klingon}", @"invalid character class range: \p{Klingon}" },
        { "[[:foo:]]", "invalid character class range: [:foo:]" },
        { @"\x{110000}", "invalid escape sequence" },
        { @"\xZ1", "invalid escape sequence" },
        { @"\e", @"invalid escape sequence: \e" },
        { @"[\b]", @"invalid escape sequence: \b" },
        { "abc\\", "trailing backslash at end of expression" },
        { "(?P<x-y>a)", "invalid named capture: (?P<x-y>" },
        { "(?P<>a)", "invalid named capture" },
        { "(?P<a>x)(?P<a>y)", "duplicate capture group name: a" },
        { new string('(', 1001) + new string(')', 1001), "expression nests too deeply" },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void RE2_syntax_is_accepted_and_compiles(string pattern)
    {
        Assert.True(Re2Regex.TryCompile(pattern, out var regex, out var error), error);
        Assert.NotNull(regex);
        Assert.Null(Re2Regex.CheckSyntax(pattern));
    }

    [Theory]
    [MemberData(nameof(Rejected))]
    public void What_RE2_rejects_is_rejected_with_its_message(string pattern, string fragment)
    {
        Assert.False(Re2Regex.TryCompile(pattern, out var regex, out var error));
        Assert.Null(regex);
        Assert.Contains(fragment, error);
        Assert.Contains("at offset", error);
    }

    [Fact]
    public void Backreference_is_rejected_as_RE2_does()
    {
        var e = Assert.Throws<ArgumentException>(() => Re2Regex.Compile(@"(a)\1"));
        Assert.Contains(@"invalid escape sequence: \1 (at offset 3)", e.Message);
    }

    [Fact]
    public void Error_names_the_position_of_the_problem()
    {
        Re2Regex.TryCompile("abc(?=x)", out _, out var error);
        Assert.Equal("invalid or unsupported Perl syntax: (?= (at offset 3)", error);
    }

    [Fact]
    public void Deep_nesting_within_the_limit_compiles()
    {
        var pattern = new string('(', 1000) + "a" + new string(')', 1000);
        Assert.True(Re2Regex.TryCompile(pattern, out var regex, out var error), error);
        Assert.True(regex!.IsFullMatch("a"));
        Assert.Equal(1000, regex.CaptureGroupCount);
    }

    [Fact]
    public void Very_deep_nesting_is_an_error_not_a_stack_overflow()
    {
        var pattern = new string('(', 100_000);
        Assert.False(Re2Regex.TryCompile(pattern, out _, out var error));
        Assert.Contains("expression nests too deeply", error);
    }

    [Fact]
    public void Long_patterns_are_not_limited_by_the_compiler()
    {
        var pattern = new string('a', Re2Regex.MaxProgramLength * 2);
        Assert.True(Re2Regex.TryCompile(pattern, out _, out var error), error);
    }

    [Fact]
    public void Script_without_ranges_is_valid_syntax_but_not_matchable()
    {
        Assert.Null(Re2Regex.CheckSyntax(@"\p{Tamil}"));
        Assert.False(Re2Regex.TryCompile(@"\p{Tamil}", out _, out var error));
        Assert.Contains(@"\p{Tamil}", error);
    }
}

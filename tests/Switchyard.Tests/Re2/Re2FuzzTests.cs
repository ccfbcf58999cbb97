using System.Text;
using System.Text.RegularExpressions;
using Switchyard.Re2;

namespace Switchyard.Tests.Re2;

/// <summary>Random metacharacter soup: TryCompile answers true or false, never throws.</summary>
public class Re2FuzzTests
{
    private static readonly string[] Pieces =
    [
        "(", ")", "[", "]", "{", "}", "*", "+", "?", "|", "^", "$", ".", "\\", "-", ",", ":", "<", ">", "=", "!",
        "a", "b", "Z", "0", "1", "9", "P", "p", "d", "s", "w", "b", "B", "Q", "E", "x", "i", "U", "z", "A", "C",
        "é", "😀", "\n", "{2}", "{1,3}", "(?", "(?P<n>", "[:alpha:]", "\\p{Greek}", "\\x{41}", "\\d", "\\b",
    ];

    [Fact]
    public void Random_patterns_never_throw_and_accepted_ones_compile_to_dotnet()
    {
        var random = new Random(1234);
        var accepted = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var sb = new StringBuilder();
            var length = random.Next(1, 12);
            for (var j = 0; j < length; j++) sb.Append(Pieces[random.Next(Pieces.Length)]);
            var pattern = sb.ToString();
            var ok = Re2Regex.TryCompile(pattern, out var regex, out var error);
            if (ok)
            {
                accepted++;
                Assert.NotNull(regex);
                Assert.Null(error);
                // The emitted pattern is valid .NET on its own as well.
                _ = new Regex(regex!.DotNetPattern, RegexOptions.CultureInvariant);
                regex.IsFullMatch(pattern);
            }
            else
            {
                Assert.Null(regex);
                Assert.False(string.IsNullOrEmpty(error), pattern);
            }
        }
        Assert.InRange(accepted, 1000, 19_000);
    }
}

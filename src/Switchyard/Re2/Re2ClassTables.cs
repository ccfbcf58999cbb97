using System.Collections.Concurrent;
using System.Globalization;

namespace Switchyard.Re2;

/// <summary>
/// RE2's named classes as code point sets: Perl (\d \s \w, ASCII-only as in RE2), POSIX
/// ([:alpha:] …, ASCII-only) and Unicode general categories (\pL, \p{Lu}). Scripts live in
/// <see cref="Re2Scripts"/>.
/// </summary>
internal static class Re2ClassTables
{
    private static readonly ConcurrentDictionary<string, CodePointSet> CategoryCache = new();

    /// <summary>\d \s \w; RE2's \s is [\t\n\f\r ] — no \v, unlike Perl and .NET.</summary>
    public static CodePointSet? Perl(char c) => c switch
    {
        'd' => Digits(),
        's' => new CodePointSet().Add('\t', '\n').Add('\f', '\r').Add(' ', ' '),
        'w' => Word(),
        _ => null,
    };

    public static CodePointSet? Posix(string name) => name switch
    {
        "alnum" => Digits().Add('A', 'Z').Add('a', 'z'),
        "alpha" => CodePointSet.Of('A', 'Z').Add('a', 'z'),
        "ascii" => CodePointSet.Of(0, 0x7F),
        "blank" => CodePointSet.Of('\t', '\t').Add(' ', ' '),
        "cntrl" => CodePointSet.Of(0, 0x1F).Add(0x7F, 0x7F),
        "digit" => Digits(),
        "graph" => CodePointSet.Of('!', '~'),
        "lower" => CodePointSet.Of('a', 'z'),
        "print" => CodePointSet.Of(' ', '~'),
        "punct" => CodePointSet.Of('!', '/').Add(':', '@').Add('[', '`').Add('{', '~'),
        "space" => CodePointSet.Of('\t', '\r').Add(' ', ' '),
        "upper" => CodePointSet.Of('A', 'Z'),
        "word" => Word(),
        "xdigit" => Digits().Add('A', 'F').Add('a', 'f'),
        _ => null,
    };

    /// <summary>A Unicode class name as RE2 spells it: Any, a general category, or a script.</summary>
    public static bool IsUnicodeName(string name) =>
        name == "Any" || CategoryMembers(name) is not null || Re2Scripts.IsKnown(name);

    /// <summary>The set for a category name, or null when the name is not a category.</summary>
    public static CodePointSet? Category(string name)
    {
        if (name == "Any") return CodePointSet.All();
        var members = CategoryMembers(name);
        if (members is null) return null;
        // Scanning all code points takes a few milliseconds, so each category is built once.
        return new CodePointSet().Add(CategoryCache.GetOrAdd(name, _ => Build(members)));
    }

    private static CodePointSet Digits() => CodePointSet.Of('0', '9');

    private static CodePointSet Word() => Digits().Add('A', 'Z').Add('a', 'z').Add('_', '_');

    private static UnicodeCategory[]? CategoryMembers(string name)
    {
        var all = Enum.GetValues<UnicodeCategory>();
        if (name.Length == 1)
        {
            // Go's one-letter C has no Cn (unassigned), so OtherNotAssigned is left out.
            var found = all.Where(c => Abbreviation(c)[0] == name[0] && c != UnicodeCategory.OtherNotAssigned).ToArray();
            return found.Length == 0 ? null : found;
        }
        var exact = all.Where(c => Abbreviation(c) == name && c != UnicodeCategory.OtherNotAssigned).ToArray();
        return exact.Length == 0 ? null : exact;
    }

    private static CodePointSet Build(UnicodeCategory[] members)
    {
        var set = new CodePointSet();
        var start = -1;
        for (var cp = 0; cp <= CodePointSet.MaxRune + 1; cp++)
        {
            var inside = cp <= CodePointSet.MaxRune && Array.IndexOf(members, CharUnicodeInfo.GetUnicodeCategory(cp)) >= 0;
            if (inside && start < 0) start = cp;
            if (!inside && start >= 0) { set.Add(start, cp - 1); start = -1; }
        }
        return set;
    }

    private static string Abbreviation(UnicodeCategory c) => c switch
    {
        UnicodeCategory.UppercaseLetter => "Lu",
        UnicodeCategory.LowercaseLetter => "Ll",
        UnicodeCategory.TitlecaseLetter => "Lt",
        UnicodeCategory.ModifierLetter => "Lm",
        UnicodeCategory.OtherLetter => "Lo",
        UnicodeCategory.NonSpacingMark => "Mn",
        UnicodeCategory.SpacingCombiningMark => "Mc",
        UnicodeCategory.EnclosingMark => "Me",
        UnicodeCategory.DecimalDigitNumber => "Nd",
        UnicodeCategory.LetterNumber => "Nl",
        UnicodeCategory.OtherNumber => "No",
        UnicodeCategory.SpaceSeparator => "Zs",
        UnicodeCategory.LineSeparator => "Zl",
        UnicodeCategory.ParagraphSeparator => "Zp",
        UnicodeCategory.Control => "Cc",
        UnicodeCategory.Format => "Cf",
        UnicodeCategory.Surrogate => "Cs",
        UnicodeCategory.PrivateUse => "Co",
        UnicodeCategory.ConnectorPunctuation => "Pc",
        UnicodeCategory.DashPunctuation => "Pd",
        UnicodeCategory.OpenPunctuation => "Ps",
        UnicodeCategory.ClosePunctuation => "Pe",
        UnicodeCategory.InitialQuotePunctuation => "Pi",
        UnicodeCategory.FinalQuotePunctuation => "Pf",
        UnicodeCategory.OtherPunctuation => "Po",
        UnicodeCategory.MathSymbol => "Sm",
        UnicodeCategory.CurrencySymbol => "Sc",
        UnicodeCategory.ModifierSymbol => "Sk",
        UnicodeCategory.OtherSymbol => "So",
        _ => "Cn",
    };
}

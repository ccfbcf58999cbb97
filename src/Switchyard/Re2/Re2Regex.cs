using System.Text;
using System.Text.RegularExpressions;

namespace Switchyard.Re2;

/// <summary>
/// A regular expression with RE2 semantics (what Istio validates and Envoy matches), run on .NET's
/// engine. The pattern is parsed by our own RE2 parser, so exactly RE2's syntax is accepted, then
/// translated to an equivalent .NET pattern.
/// </summary>
/// <remarks>
/// Matching uses <see cref="RegexOptions.NonBacktracking"/>, which is linear in the input like RE2.
/// RE2's ASCII \b and \B need lookarounds, which NonBacktracking does not support; only those
/// patterns fall back to the backtracking engine, compiled and bounded by <see cref="MatchTimeout"/>.
/// </remarks>
public sealed class Re2Regex
{
    /// <summary>
    /// Istio's validation limit on a regex's length. Not enforced here: the validator reports it,
    /// so the proxy can still run config that another Istio version accepted.
    /// </summary>
    public const int MaxProgramLength = 1024;

    /// <summary>How long a backtracking fallback match may run before it counts as no match.</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(250);

    private readonly Regex _full;
    private readonly Lazy<Regex> _search;

    private Re2Regex(string pattern, string dotNetPattern, RegexOptions options, int captureCount)
    {
        Pattern = pattern;
        DotNetPattern = dotNetPattern;
        CaptureGroupCount = captureCount;
        IsLinearTime = options.HasFlag(RegexOptions.NonBacktracking);
        var timeout = options.HasFlag(RegexOptions.NonBacktracking) ? Regex.InfiniteMatchTimeout : MatchTimeout;
        _full = new Regex($@"\A(?:{dotNetPattern})\z", options, timeout);
        _search = new Lazy<Regex>(() => new Regex(dotNetPattern, options, timeout));
    }

    /// <summary>The RE2 pattern as written.</summary>
    public string Pattern { get; }

    /// <summary>The equivalent .NET pattern (unanchored).</summary>
    public string DotNetPattern { get; }

    /// <summary>Number of capturing groups, numbered left to right from 1 as in RE2.</summary>
    public int CaptureGroupCount { get; }

    /// <summary>True when matching runs on the linear-time NonBacktracking engine (no \b, \B, not huge).</summary>
    public bool IsLinearTime { get; }

    /// <summary>Null when <paramref name="pattern"/> is valid RE2 syntax, else RE2's error.</summary>
    public static string? CheckSyntax(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        try
        {
            Re2Parser.Parse(pattern);
            return null;
        }
        catch (Re2SyntaxException e)
        {
            return e.Message;
        }
        catch (InsufficientExecutionStackException)
        {
            return Re2ErrorCode.NestingDepth;
        }
    }

    public static bool TryCompile(string pattern, out Re2Regex? regex, out string? error)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        regex = null;
        try
        {
            var parsed = Re2Parser.Parse(pattern);
            if (parsed.Unmatchable is not null)
            {
                error = $"valid RE2, but Switchyard cannot match Unicode script {parsed.Unmatchable} yet";
                return false;
            }
            var (dotNet, backtrack) = Re2Translator.Translate(parsed);
            regex = Build(pattern, dotNet, backtrack, parsed.CaptureCount);
            error = null;
            return true;
        }
        catch (Re2SyntaxException e)
        {
            error = e.Message;
        }
        catch (InsufficientExecutionStackException)
        {
            error = Re2ErrorCode.NestingDepth;
        }
        return false;
    }

    private static Re2Regex Build(string pattern, string dotNet, bool needsBacktracking, int captures)
    {
        if (!needsBacktracking)
        {
            try
            {
                return new Re2Regex(pattern, dotNet, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, captures);
            }
            catch (NotSupportedException)
            {
                // NonBacktracking refuses automata past 10,000 nodes (e.g. a long literal or big
                // counted repeats) that RE2 takes; those run on the bounded backtracking engine.
            }
        }
        return new Re2Regex(pattern, dotNet, RegexOptions.CultureInvariant | RegexOptions.Compiled, captures);
    }

    /// <summary>Compiles or throws <see cref="ArgumentException"/> with RE2's error.</summary>
    public static Re2Regex Compile(string pattern) =>
        TryCompile(pattern, out var regex, out var error) ? regex! : throw new ArgumentException(error, nameof(pattern));

    /// <summary>RE2 full match (Envoy's safe_regex): the whole input must match.</summary>
    public bool IsFullMatch(string input) => IsFullMatch(input.AsSpan());

    public bool IsFullMatch(ReadOnlySpan<char> input)
    {
        try
        {
            return _full.IsMatch(input);
        }
        catch (RegexMatchTimeoutException)
        {
            // The request path never throws on a user's pattern; a runaway match is no match.
            return false;
        }
    }

    /// <summary>Unanchored search: does the pattern match anywhere in the input.</summary>
    public bool IsMatch(string input)
    {
        try
        {
            return _search.Value.IsMatch(input);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    /// <summary>Null when <paramref name="rewrite"/> is a valid substitution for this pattern, else why not.</summary>
    public string? CheckRewrite(string rewrite)
    {
        Re2Rewrite.TryParse(rewrite, CaptureGroupCount, out var error);
        return error;
    }

    /// <summary>
    /// Envoy's regex_rewrite: every non-overlapping match is replaced, with \1..\9 in
    /// <paramref name="rewrite"/> inserting captures. Follows RE2::GlobalReplace, which (unlike
    /// .NET's Replace) skips an empty match right where the previous match ended.
    /// </summary>
    public string Replace(string input, string rewrite)
    {
        var parsed = Re2Rewrite.TryParse(rewrite, CaptureGroupCount, out var error)
            ?? throw new ArgumentException(error, nameof(rewrite));
        try
        {
            return ReplaceAll(input, parsed);
        }
        catch (RegexMatchTimeoutException)
        {
            return input;
        }
    }

    private string ReplaceAll(string input, Re2Rewrite rewrite)
    {
        var regex = _search.Value;
        StringBuilder? sb = null;
        var copied = 0;
        var lastEnd = -1;
        var pos = 0;
        while (pos <= input.Length)
        {
            var m = regex.Match(input, pos);
            if (!m.Success) break;
            if (m.Length == 0 && m.Index == lastEnd)
            {
                if (m.Index >= input.Length) break;
                pos = m.Index + StepAt(input, m.Index);
                continue;
            }
            sb ??= new StringBuilder(input.Length + 16);
            sb.Append(input, copied, m.Index - copied);
            rewrite.AppendTo(sb, m);
            copied = lastEnd = m.Index + m.Length;
            if (m.Length > 0) pos = copied;
            else if (m.Index >= input.Length) break;
            else pos = m.Index + StepAt(input, m.Index);
        }
        if (sb is null) return input;
        sb.Append(input, copied, input.Length - copied);
        return sb.ToString();
    }

    // RE2 steps over a whole character (UTF-8 sequence); here that is a surrogate pair.
    private static int StepAt(string s, int i) =>
        char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]) ? 2 : 1;

    public override string ToString() => Pattern;
}

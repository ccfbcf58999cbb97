namespace Switchyard.Translation.Routes;

/// <summary>A test on a span of text; lets a decoded value be checked in a stack buffer without allocating.</summary>
internal interface ISpanPredicate
{
    bool Test(ReadOnlySpan<char> value);
}

namespace Switchyard.Re2;

/// <summary>
/// Thrown inside the parser to unwind on the first error, as RE2 stops at the first one.
/// Never escapes <see cref="Re2Regex.TryCompile"/>; the message is RE2/Go's wording plus the offset.
/// </summary>
internal sealed class Re2SyntaxException : Exception
{
    public Re2SyntaxException(string code, string fragment, int offset)
        : base($"{code}: {fragment} (at offset {offset})")
    {
        Code = code;
        Fragment = fragment;
        Offset = offset;
    }

    public string Code { get; }
    public string Fragment { get; }
    public int Offset { get; }
}

namespace Switchyard.Translation.Routes;

/// <summary>
/// What route matching reads of a request. The proxy implements it over the live request,
/// explain and tests over a plain record, so all three share ONE matcher.
/// </summary>
public interface IRequestView
{
    string Method { get; }

    /// <summary><c>http</c> or <c>https</c>.</summary>
    string Scheme { get; }

    /// <summary>Host header / :authority, as sent (may include a port).</summary>
    string Authority { get; }

    /// <summary>The path without the query string.</summary>
    string Path { get; }

    /// <summary>The raw query string without the leading <c>?</c>; empty when none.</summary>
    string Query { get; }

    /// <summary>The same query read in place; a live request overrides it so that matching query
    /// parameters needs no substring.</summary>
    ReadOnlySpan<char> RawQuery => Query.AsSpan();

    /// <summary>The service port being addressed (from the authority, else the listener's).</summary>
    int Port { get; }

    /// <summary>The value of a header (name lowercase), multiple values joined with <c>,</c>; null when absent.</summary>
    string? GetHeader(string name);
}

using Microsoft.Extensions.Logging;

namespace Switchyard.Tests.Sources;

/// <summary>An <see cref="ILogger"/> that keeps every entry (all levels), safe to write from timer threads.</summary>
internal sealed class RecordingLogger : ILogger
{
    public sealed record Entry(LogLevel Level, int EventId, string Message, Exception? Exception);

    private readonly Lock _gate = new();
    private readonly List<Entry> _entries = new();

    public IReadOnlyList<Entry> Entries
    {
        get
        {
            lock (_gate) return _entries.ToList();
        }
    }

    /// <summary>The messages logged with <paramref name="eventId"/>, in order.</summary>
    public List<string> Messages(int eventId) => Entries.Where(e => e.EventId == eventId).Select(e => e.Message).ToList();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (_gate) _entries.Add(new Entry(logLevel, eventId.Id, formatter(state, exception), exception));
    }
}

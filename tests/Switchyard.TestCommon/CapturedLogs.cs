using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Switchyard.TestCommon;

/// <summary>
/// A logger factory that keeps every event (level, event id, formatted message) so a test can
/// assert what the code logged, by id as an operator would filter it.
/// </summary>
public sealed class CapturedLogs : ILoggerFactory
{
    public sealed record Entry(string Category, LogLevel Level, int EventId, string Message, Exception? Exception);

    public ConcurrentQueue<Entry> Entries { get; } = new();

    /// <summary>The messages logged with <paramref name="eventId"/>, in order.</summary>
    public List<string> Messages(int eventId) => Entries.Where(e => e.EventId == eventId).Select(e => e.Message).ToList();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void AddProvider(ILoggerProvider provider) { }

    public void Dispose() { }

    private sealed class Logger(CapturedLogs logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs.Entries.Enqueue(new Entry(category, logLevel, eventId.Id, formatter(state, exception), exception));
    }
}

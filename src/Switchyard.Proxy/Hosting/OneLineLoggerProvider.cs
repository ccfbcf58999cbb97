using Microsoft.Extensions.Logging;

namespace Switchyard.Proxy.Hosting;

/// <summary>
/// The host's default log: one line per event, <c>info[1100]: config v1: ...</c> (level as the
/// .NET console logger abbreviates it, then the event id from EventIds), written to a
/// TextWriter — stderr for <c>switchyard run</c>, so stdout stays the access log's, as Istio's
/// sidecar keeps its access log apart from the proxy's own log. An exception follows its line.
/// </summary>
public sealed class OneLineLoggerProvider(TextWriter output) : ILoggerProvider
{
    private readonly Lock _gate = new();

    /// <summary>A factory that writes to <paramref name="output"/> from <paramref name="minimum"/> up.</summary>
    public static ILoggerFactory CreateFactory(TextWriter output, LogLevel minimum = LogLevel.Information) =>
        LoggerFactory.Create(b => b.SetMinimumLevel(minimum).AddProvider(new OneLineLoggerProvider(output)));

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose() { }

    private void Write(LogLevel level, EventId id, string message, Exception? exception)
    {
        var line = id.Id == 0 ? $"{Abbreviation(level)}: {message}" : $"{Abbreviation(level)}[{id.Id}]: {message}";
        lock (_gate)
        {
            output.WriteLine(line);
            if (exception is not null) output.WriteLine(exception.ToString());
            output.Flush();
        }
    }

    private static string Abbreviation(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        _ => "crit",
    };

    private sealed class Logger(OneLineLoggerProvider provider) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        // The factory's filter decides the level; this only drops "none".
        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            provider.Write(logLevel, eventId, formatter(state, exception), exception);
        }
    }
}

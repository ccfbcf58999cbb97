using Microsoft.Extensions.Logging;

namespace Switchyard.Sources;

/// <summary>
/// The logger the sources write through: a logging provider that throws (a full disk under a
/// file sink, a closed console) must not stop a reload or kill the timer thread that runs it.
/// </summary>
internal sealed class GuardedLogger(ILogger inner) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel)
    {
        try
        {
            return inner.IsEnabled(logLevel);
        }
        catch (Exception)
        {
            return false;
        }
    }

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        try
        {
            inner.Log(logLevel, eventId, state, exception, formatter);
        }
        catch (Exception)
        {
            // The one exception on the config path that is dropped unreported: the only place to
            // report it is the logger that just failed. The round it belongs to carries on.
        }
    }
}

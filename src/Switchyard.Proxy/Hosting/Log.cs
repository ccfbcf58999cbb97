using Microsoft.Extensions.Logging;
using Switchyard.Diagnostics;

namespace Switchyard.Proxy.Hosting;

/// <summary>What the host logs: each snapshot it publishes, what translation or a source left out
/// (with file:line, as <c>validate</c> prints it), its listeners and its shutdown.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = EventIds.SnapshotApplied, Level = LogLevel.Information,
        Message = "config v{Version}: {Resources} resources, {HostNames} host names, {Clusters} clusters")]
    public static partial void SnapshotApplied(ILogger logger, long version, int resources, int hostNames, int clusters);

    [LoggerMessage(EventId = EventIds.TranslationDiagnostic, Level = LogLevel.Warning, Message = "translation: {Diagnostic}")]
    public static partial void TranslationDiagnostic(ILogger logger, string diagnostic);

    [LoggerMessage(EventId = EventIds.SnapshotFailed, Level = LogLevel.Error,
        Message = "config v{Version} from {Source} was not applied; the last good snapshot keeps serving")]
    public static partial void SnapshotFailed(ILogger logger, long version, string source, Exception exception);

    [LoggerMessage(EventId = EventIds.ListenerStarted, Level = LogLevel.Information, Message = "{Listener} listener on {Uri}")]
    public static partial void ListenerStarted(ILogger logger, string listener, Uri uri);

    [LoggerMessage(EventId = EventIds.AdminStarted, Level = LogLevel.Information, Message = "admin on {Uri}")]
    public static partial void AdminStarted(ILogger logger, Uri uri);

    [LoggerMessage(EventId = EventIds.ListenerFailed, Level = LogLevel.Error, Message = "{Listener} listener on {Endpoint} did not start")]
    public static partial void ListenerFailed(ILogger logger, string listener, string endpoint, Exception exception);

    [LoggerMessage(EventId = EventIds.ShuttingDown, Level = LogLevel.Information, Message = "shutting down")]
    public static partial void ShuttingDown(ILogger logger);

    [LoggerMessage(EventId = EventIds.ShutdownStepFailed, Level = LogLevel.Error, Message = "shutting down: {Step} failed")]
    public static partial void ShutdownStepFailed(ILogger logger, string step, Exception exception);

    [LoggerMessage(EventId = EventIds.AdminNotLoopback, Level = LogLevel.Warning,
        Message = "admin on {Uri} is reachable from other hosts: it shows the whole config; bind it to 127.0.0.1 or turn it off with --admin off")]
    public static partial void AdminNotLoopback(ILogger logger, Uri uri);

    [LoggerMessage(EventId = EventIds.ConnectionLimitReached, Level = LogLevel.Warning,
        Message = "downstream connection limit {Max} reached: idle connections are shed, new ones refused while all are busy; /ready is 503")]
    public static partial void ConnectionLimitReached(ILogger logger, int max);

    [LoggerMessage(EventId = EventIds.AcceptBackingOff, Level = LogLevel.Warning,
        Message = "accept failed ({Error}): out of file descriptors; retrying in {BackoffMs} ms")]
    public static partial void AcceptBackingOff(ILogger logger, string error, int backoffMs);

    [LoggerMessage(EventId = EventIds.ConnectionLimitSet, Level = LogLevel.Information,
        Message = "downstream connections capped at {Max} (open files limit {FileLimit}, {Open} open)")]
    public static partial void ConnectionLimitSet(ILogger logger, int max, string fileLimit, int open);
}

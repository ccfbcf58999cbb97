using Microsoft.Extensions.Logging;
using Switchyard.Diagnostics;

namespace Switchyard.Sources;

/// <summary>
/// The config sources' log events (ids 1000–1099 in <see cref="EventIds"/>). Source-generated, so
/// a level that is off costs a check and nothing else. Every round logs its outcome and every
/// rejection with its file:line, not only the new ones: an operator who starts reading the log
/// after an edit must still see why a resource is not live.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = EventIds.ConfigLoaded, Level = LogLevel.Information,
        Message = "{Source}: config version {Version} loaded: {ResourceCount} resources from {FileCount} files")]
    public static partial void ConfigLoaded(ILogger logger, string source, long version, int resourceCount, int fileCount);

    [LoggerMessage(EventId = EventIds.ConfigReloaded, Level = LogLevel.Information,
        Message = "{Source}: config changed to version {Version}: {ResourceCount} resources from {FileCount} files")]
    public static partial void ConfigReloaded(ILogger logger, string source, long version, int resourceCount, int fileCount);

    [LoggerMessage(EventId = EventIds.ConfigUnchanged, Level = LogLevel.Information,
        Message = "{Source}: config reloaded, unchanged at version {Version}: {ResourceCount} resources from {FileCount} files")]
    public static partial void ConfigUnchanged(ILogger logger, string source, long version, int resourceCount, int fileCount);

    [LoggerMessage(EventId = EventIds.ConfigFilesRead, Level = LogLevel.Debug, Message = "{Source}: files read: {Files}")]
    public static partial void ConfigFilesRead(ILogger logger, string source, string files);

    /// <summary>Errors at Warning (the resource is refused, the proxy carries on), notes at Information.</summary>
    [LoggerMessage(EventId = EventIds.ResourceRejected, Message = "{Source}: rejected: {Rejection}")]
    public static partial void ResourceRejected(ILogger logger, LogLevel level, string source, string rejection);

    [LoggerMessage(EventId = EventIds.ReloadFailed, Level = LogLevel.Error,
        Message = "{Source}: reload failed: cannot {Operation} {Path}: {ErrorType}: {ErrorMessage}; version {Version} stays live, retrying in {RetryDelay}")]
    public static partial void ReloadFailed(ILogger logger, string source, string operation, string path, string errorType, string errorMessage,
        long version, TimeSpan retryDelay, Exception exception);

    [LoggerMessage(EventId = EventIds.ConfigWarning, Level = LogLevel.Warning, Message = "{Source}: {Warning}")]
    public static partial void ConfigWarning(ILogger logger, string source, string warning);

    [LoggerMessage(EventId = EventIds.WatchFailed, Level = LogLevel.Warning,
        Message = "{Source}: cannot watch {Path}: {Reason}; its edits are seen only when another change triggers a reload")]
    public static partial void WatchFailed(ILogger logger, string source, string path, string reason);

    [LoggerMessage(EventId = EventIds.SubscriberFailed, Level = LogLevel.Error,
        Message = "{Source}: a subscriber to config version {Version} failed: {ErrorType}: {ErrorMessage}")]
    public static partial void SubscriberFailed(ILogger logger, string source, long version, string errorType, string errorMessage, Exception exception);

    [LoggerMessage(EventId = EventIds.FileHeldBack, Level = LogLevel.Information,
        Message = "{Source}: {File} {Reason}; keeping its {ResourceCount} resources and reading it again in {Settle} (a save in progress?)")]
    public static partial void FileHeldBack(ILogger logger, string source, string file, string reason, int resourceCount, TimeSpan settle);

    [LoggerMessage(EventId = EventIds.WatchEventsLost, Level = LogLevel.Warning,
        Message = "{Source}: file system events were lost under {Path} ({Reason}); reloading everything")]
    public static partial void WatchEventsLost(ILogger logger, string source, string path, string reason);

    [LoggerMessage(EventId = EventIds.WatchedDirectoryReplaced, Level = LogLevel.Warning,
        Message = "{Source}: the watched directory {Path} was replaced (renamed or re-created); watching the new one and reloading")]
    public static partial void WatchedDirectoryReplaced(ILogger logger, string source, string path);

    [LoggerMessage(EventId = EventIds.ReloadAbandoned, Level = LogLevel.Information,
        Message = "{Source}: reload abandoned: the source is shutting down; version {Version} stays as it was")]
    public static partial void ReloadAbandoned(ILogger logger, string source, long version);
}

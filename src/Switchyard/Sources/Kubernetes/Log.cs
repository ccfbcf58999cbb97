using Microsoft.Extensions.Logging;
using Switchyard.Diagnostics;

namespace Switchyard.Sources.Kubernetes;

/// <summary>What KubernetesSource logs: each list, each round, each failed watch and each relist after 410 Gone.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = EventIds.KubeSourceListed, Level = LogLevel.Debug, Message = "{Source}: listed {Count} {Kind} ({Version}) at resourceVersion {ResourceVersion}")]
    public static partial void Listed(ILogger logger, string source, string kind, string version, int count, string resourceVersion);

    [LoggerMessage(EventId = EventIds.KubeSourceWatchFailed, Level = LogLevel.Warning,
        Message = "{Source}: watch of {Kind} failed: {ErrorType}: {ErrorMessage}; the last good config stays, retrying in {Delay}")]
    public static partial void WatchFailed(ILogger logger, string source, string kind, string errorType, string errorMessage, TimeSpan delay);

    [LoggerMessage(EventId = EventIds.KubeSourceRelist, Level = LogLevel.Information,
        Message = "{Source}: resourceVersion {ResourceVersion} of {Kind} is gone (410): listing again")]
    public static partial void Relist(ILogger logger, string source, string kind, string resourceVersion);

    [LoggerMessage(EventId = EventIds.KubeSourceRound, Level = LogLevel.Information,
        Message = "{Source}: config version {Version}: {ResourceCount} resources (changed: {Changed})")]
    public static partial void Round(ILogger logger, string source, long version, int resourceCount, bool changed);
}

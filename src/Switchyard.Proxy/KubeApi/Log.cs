using Microsoft.Extensions.Logging;
using Switchyard.Diagnostics;

namespace Switchyard.Proxy.KubeApi;

/// <summary>What the config API logs: where it listens, each object it changes, each request it refuses.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = EventIds.KubeApiStarted, Level = LogLevel.Information, Message = "kube-api on {Uri}, storing objects in {Directory}")]
    public static partial void Started(ILogger logger, Uri uri, string directory);

    [LoggerMessage(EventId = EventIds.KubeApiObjectChanged, Level = LogLevel.Information, Message = "kube-api: {Verb} {Kind} {Namespace}/{Name} (resourceVersion {ResourceVersion})")]
    public static partial void Changed(ILogger logger, string verb, string kind, string @namespace, string name, string resourceVersion);

    [LoggerMessage(EventId = EventIds.KubeApiRefused, Level = LogLevel.Warning, Message = "kube-api: {Method} {Path}: {Code} {Message}")]
    public static partial void Refused(ILogger logger, string method, string path, int code, string message);

    [LoggerMessage(EventId = EventIds.KubeApiStorageFailed, Level = LogLevel.Error, Message = "kube-api: {Method} {Path}: the config directory could not be written")]
    public static partial void StorageFailed(ILogger logger, string method, string path, Exception exception);
}

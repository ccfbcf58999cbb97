namespace Switchyard.Diagnostics;

/// <summary>
/// Every log event's id, in one place, so an operator can filter on a number that never moves
/// (as Envoy's and Istio's log scopes are stable). Each area owns a range; add new ids at the end
/// of their range, never renumber. The <c>[LoggerMessage]</c> methods live beside the code that
/// logs (a <c>Log</c> partial class per folder) and take their ids from here.
/// </summary>
public static class EventIds
{
    // 1000–1099: config sources and admission (Sources/).
    public const int ConfigLoaded = 1000;
    public const int ConfigReloaded = 1001;
    public const int ConfigUnchanged = 1002;
    public const int ResourceRejected = 1003;
    public const int ReloadFailed = 1004;
    public const int ConfigWarning = 1005;
    public const int WatchFailed = 1006;
    public const int SubscriberFailed = 1007;
    public const int FileHeldBack = 1008;
    public const int ConfigFilesRead = 1009;
    public const int WatchEventsLost = 1010;
    public const int WatchedDirectoryReplaced = 1011;
    public const int ReloadAbandoned = 1012;

    // 1100–1199: translation and snapshot publication.
    public const int SnapshotApplied = 1100;
    public const int TranslationDiagnostic = 1101;
    public const int FieldNotEnforced = 1102;
    public const int SnapshotFailed = 1103;

    // 2000–2099: hosting (listeners, admin, lifecycle).
    public const int ListenerStarted = 2000;
    public const int AdminStarted = 2001;
    public const int ShuttingDown = 2002;
    public const int ListenerFailed = 2003;
    public const int ShutdownStepFailed = 2004;
    public const int AdminNotLoopback = 2005;
    public const int ConnectionLimitReached = 2006;
    public const int AcceptBackingOff = 2007;
    public const int ConnectionLimitSet = 2008;

    // 2100–2199: the request path and upstream clients.
    public const int RequestFailed = 2100;
    public const int UpstreamClientRetired = 2101;
    public const int MirrorFailed = 2102;

    // 2200–2299: the Kubernetes-compatible config API (KubeApi/).
    public const int KubeApiStarted = 2200;
    public const int KubeApiObjectChanged = 2201;
    public const int KubeApiRefused = 2202;
    public const int KubeApiStorageFailed = 2203;

    // 1200–1299: KubernetesSource (Sources/Kubernetes/).
    public const int KubeSourceListed = 1200;
    public const int KubeSourceWatchFailed = 1201;
    public const int KubeSourceRelist = 1202;
    public const int KubeSourceRound = 1203;
}

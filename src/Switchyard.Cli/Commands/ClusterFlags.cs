using System.CommandLine;
using Microsoft.Extensions.Logging;
using Switchyard.Sources;
using Switchyard.Sources.Kubernetes;

namespace Switchyard.Cli.Commands;

/// <summary>
/// <c>run</c>'s flags for following a Kubernetes API server: <c>--kubeconfig PATH</c> (its
/// current context, or <c>--context</c>), or <c>--in-cluster</c> (the pod's service account).
/// Either adds a KubernetesSource beside the files.
/// </summary>
internal sealed class ClusterFlags
{
    public Option<string?> Kubeconfig { get; } = new("--kubeconfig") { Description = "Follow the config on this cluster's API server (list + watch), with the kubeconfig's current context." };
    public Option<string?> Context { get; } = new("--context") { Description = "The kubeconfig context to use instead of its current one." };
    public Option<bool> InCluster { get; } = new("--in-cluster") { Description = "Follow the config on the API server of the cluster this pod runs in (service account auth)." };

    public IEnumerable<Option> All => [Kubeconfig, Context, InCluster];

    public bool Given(ParseResult parse) => parse.GetValue(Kubeconfig) is not null || parse.GetValue(InCluster);

    /// <summary>The source, or null with <paramref name="error"/> set when the kubeconfig cannot be used.</summary>
    public IConfigSource? Build(ParseResult parse, ILoggerFactory logs, out string? error)
    {
        error = null;
        try
        {
            ClusterConnection? connection = parse.GetValue(InCluster) ? ClusterConnection.InCluster()
                : parse.GetValue(Kubeconfig) is { } path ? Sources.Kubernetes.Kubeconfig.Load(path, parse.GetValue(Context)) : null;
            return connection is null ? null : new KubernetesSource(connection, logger: logs.CreateLogger("Switchyard.Sources.Kubernetes"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or InvalidOperationException
                                   or YamlDotNet.Core.YamlException or System.Security.Cryptography.CryptographicException or FormatException or UriFormatException)
        {
            error = $"cannot use the cluster: {e.Message}";
            return null;
        }
    }
}

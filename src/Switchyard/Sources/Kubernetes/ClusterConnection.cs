using System.Net.Http.Headers;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Switchyard.Sources.Kubernetes;

/// <summary>
/// How KubernetesSource reaches an API server: its base URL and an HttpClient that carries the
/// credentials (a bearer token, or a client certificate) and trusts the cluster's CA. Built from a
/// kubeconfig (<see cref="Kubeconfig"/>) or, inside a pod, from the service account as
/// client-go's rest.InClusterConfig does.
/// </summary>
public sealed class ClusterConnection : IDisposable
{
    public const string ServiceAccountDirectory = "/var/run/secrets/kubernetes.io/serviceaccount";

    public ClusterConnection(Uri server, string? token = null, X509Certificate2? caCertificate = null, X509Certificate2? clientCertificate = null, bool insecure = false)
    {
        Server = server;
        var handler = new SocketsHttpHandler { UseProxy = false, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5) };
        if (clientCertificate is not null) handler.SslOptions.ClientCertificates = [clientCertificate];
        if (insecure) handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
        else if (caCertificate is not null)
            handler.SslOptions.RemoteCertificateValidationCallback = (_, cert, _, errors) => TrustedBy(caCertificate, cert, errors);
        // A watch is open for minutes: the client itself never times out; each call has its own limit.
        Http = new HttpClient(handler) { BaseAddress = server, Timeout = Timeout.InfiniteTimeSpan };
        if (token is not null) Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Http.DefaultRequestHeaders.UserAgent.ParseAdd("switchyard/0.1");
    }

    public Uri Server { get; }

    public HttpClient Http { get; }

    /// <summary>In a pod: the service account's token and CA, and KUBERNETES_SERVICE_HOST/PORT.</summary>
    public static ClusterConnection InCluster()
    {
        var host = Environment.GetEnvironmentVariable("KUBERNETES_SERVICE_HOST");
        var port = Environment.GetEnvironmentVariable("KUBERNETES_SERVICE_PORT");
        if (string.IsNullOrEmpty(host) || string.IsNullOrEmpty(port))
            throw new InvalidOperationException("not running in a cluster: KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT are not set");
        var token = File.ReadAllText(Path.Combine(ServiceAccountDirectory, "token")).Trim();
        var ca = X509CertificateLoader.LoadCertificateFromFile(Path.Combine(ServiceAccountDirectory, "ca.crt"));
        var hostPart = host.Contains(':') ? $"[{host}]" : host;
        return new ClusterConnection(new Uri($"https://{hostPart}:{port}"), token, ca);
    }

    private static bool TrustedBy(X509Certificate2 ca, X509Certificate? presented, SslPolicyErrors errors)
    {
        if (presented is null) return false;
        if (errors == SslPolicyErrors.None) return true;
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        // The name is still checked: only the root of trust is the cluster's CA.
        return (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) == SslPolicyErrors.None &&
               chain.Build(new X509Certificate2(presented));
    }

    public void Dispose() => Http.Dispose();
}

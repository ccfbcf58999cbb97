using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging.Abstractions;
using Switchyard.Proxy.Hosting;
using Switchyard.Proxy.KubeApi;

namespace Switchyard.Proxy.Tests.KubeApi;

/// <summary>
/// The config API over TLS with a bearer token, as <c>run --kube-api-cert/--kube-api-key
/// --kube-api-token-file</c> serves it: kubectl with the kubeconfig <c>switchyard kubeconfig</c>
/// writes (the certificate as its CA, the token) works; a request without the token is 401.
/// </summary>
public sealed class AuthTests
{
    [Fact]
    public async Task Kubectl_works_over_TLS_with_the_token_and_a_request_without_it_is_401()
    {
        var dir = Directory.CreateTempSubdirectory("switchyard-kube-tls-").FullName;
        try
        {
            using var key = RSA.Create(2048);
            var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            var san = new SubjectAlternativeNameBuilder();
            san.AddIpAddress(IPAddress.Loopback);
            request.CertificateExtensions.Add(san.Build());
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
            using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
            var certFile = Path.Combine(dir, "cert.pem");
            var keyFile = Path.Combine(dir, "key.pem");
            File.WriteAllText(certFile, cert.ExportCertificatePem());
            File.WriteAllText(keyFile, key.ExportPkcs8PrivateKeyPem());
            Directory.CreateDirectory(Path.Combine(dir, "mesh"));

            await using var host = await SwitchyardHost.StartAsync(new SwitchyardHostOptions
            {
                Listen = new IPEndPoint(IPAddress.Loopback, 0),
                Admin = null,
                LoggerFactory = NullLoggerFactory.Instance,
                KubeApi = new KubeApiOptions
                {
                    Listen = new IPEndPoint(IPAddress.Loopback, 0),
                    Directory = Path.Combine(dir, "mesh"),
                    Token = "s3cret",
                    CertificateFile = certFile,
                    KeyFile = keyFile,
                },
            }, TestContext.Current.CancellationToken);
            var server = host.KubeApiUri!.ToString().TrimEnd('/');
            Assert.StartsWith("https://", server);
            var kubeconfig = Path.Combine(dir, "kc");
            File.WriteAllText(kubeconfig, Kubeconfig.Render(server, "s3cret", Convert.ToBase64String(File.ReadAllBytes(certFile)), "default"));
            var kubectl = new Kubectl(kubeconfig, Path.Combine(dir, "cache"));

            var created = await kubectl.RunWithInputAsync("""
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata: {name: shop}
                spec: {host: shop}
                """, "apply", "-f", "-");
            Assert.True(created.ExitCode == 0, created.All);
            Assert.Contains("destinationrule.networking.istio.io/shop created", created.Out);
            Assert.Contains("shop", (await kubectl.RunAsync("get", "dr")).Out);

            var handler = new SocketsHttpHandler { UseProxy = false };
            handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
            using var anonymous = new HttpClient(handler);
            using var response = await anonymous.GetAsync(server + "/apis/networking.istio.io/v1/destinationrules", TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}

using System.CommandLine;
using System.Net;
using Switchyard.Proxy.KubeApi;

namespace Switchyard.Cli.Commands;

/// <summary>
/// <c>run</c>'s flags for the Kubernetes-compatible config API: <c>--kube-api ADDR</c> turns it
/// on and stores objects in the first <c>-f</c> directory; a token
/// (<c>--kube-api-token-file</c>) is required unless the address is loopback; TLS with
/// <c>--kube-api-cert</c> and <c>--kube-api-key</c>.
/// </summary>
internal sealed class KubeApiFlags
{
    public const string DefaultAddress = "127.0.0.1:16443";

    public Option<string?> Address { get; } = new("--kube-api") { Description = $"Serve a Kubernetes-compatible config API (kubectl apply/get/delete/-w) on this address, e.g. {DefaultAddress}; objects are stored as YAML in the first -f directory." };
    public Option<string?> TokenFile { get; } = new("--kube-api-token-file") { Description = "File holding the bearer token the config API requires (required unless it listens on loopback)." };
    public Option<string?> Cert { get; } = new("--kube-api-cert") { Description = "PEM certificate for the config API's TLS." };
    public Option<string?> Key { get; } = new("--kube-api-key") { Description = "PEM private key for --kube-api-cert." };

    public IEnumerable<Option> All => [Address, TokenFile, Cert, Key];

    public KubeApiOptions? Build(ParseResult parse, IReadOnlyList<string> files, string ns, out string? error)
    {
        error = null;
        if (parse.GetValue(Address) is not { } address) return null;
        var listen = EndpointParser.ParseListen(address, out error);
        if (listen is null) return null;
        var dir = files.FirstOrDefault(Directory.Exists);
        if (dir is null) { error = "--kube-api stores objects in a config directory: give one with -f DIR"; return null; }
        string? token = null;
        if (parse.GetValue(TokenFile) is { } tokenFile)
        {
            try { token = File.ReadAllText(tokenFile).Trim(); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { error = $"cannot read --kube-api-token-file {tokenFile}: {e.Message}"; return null; }
            if (token.Length == 0) { error = $"--kube-api-token-file {tokenFile} is empty"; return null; }
        }
        if (token is null && !IPAddress.IsLoopback(listen.Address))
        {
            error = $"--kube-api {address} is not a loopback address: give --kube-api-token-file so that only holders of the token can change the config";
            return null;
        }
        var (cert, key) = (parse.GetValue(Cert), parse.GetValue(Key));
        if ((cert is null) != (key is null)) { error = "--kube-api-cert and --kube-api-key go together"; return null; }
        return new KubeApiOptions { Listen = listen, Directory = dir, Token = token, CertificateFile = cert, KeyFile = key, DefaultNamespace = ns };
    }
}

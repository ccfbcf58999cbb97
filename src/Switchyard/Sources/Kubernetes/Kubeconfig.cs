using System.Security.Cryptography.X509Certificates;
using YamlDotNet.RepresentationModel;

namespace Switchyard.Sources.Kubernetes;

/// <summary>
/// Reads a kubeconfig as kubectl does for its current context: the cluster's <c>server</c>,
/// <c>certificate-authority(-data)</c> and <c>insecure-skip-tls-verify</c>, the user's
/// <c>token</c>, <c>tokenFile</c> or <c>client-certificate(-data)</c> + <c>client-key(-data)</c>.
/// Exec and auth-provider plugins are not run: such a kubeconfig is an error naming the field.
/// </summary>
public static class Kubeconfig
{
    public static ClusterConnection Load(string path, string? context = null)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(path)) stream.Load(reader);
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var contextName = context ?? Scalar(root, "current-context") ?? throw Error(path, "current-context", "no current-context");
        var ctx = Named(root, "contexts", contextName, path)!["context"] as YamlMappingNode ?? throw Error(path, "contexts", $"context \"{contextName}\" has no context");
        var clusterName = Scalar(ctx, "cluster") ?? throw Error(path, "context.cluster", "missing");
        var cluster = Named(root, "clusters", clusterName, path)!["cluster"] as YamlMappingNode ?? throw Error(path, "clusters", $"cluster \"{clusterName}\" has no cluster");
        var server = Scalar(cluster, "server") ?? throw Error(path, "cluster.server", "missing");
        var dir = Path.GetDirectoryName(Path.GetFullPath(path))!;

        var ca = Pem(cluster, "certificate-authority", dir);
        var insecure = Scalar(cluster, "insecure-skip-tls-verify") == "true";
        string? token = null;
        X509Certificate2? clientCert = null;
        if (Scalar(ctx, "user") is { } userName && Named(root, "users", userName, path, optional: true)?["user"] is YamlMappingNode user)
        {
            if (user.Children.ContainsKey("exec") || user.Children.ContainsKey("auth-provider"))
                throw Error(path, $"users[{userName}].user.exec", "credential plugins are not supported; use a token or a client certificate");
            token = Scalar(user, "token") ?? (Scalar(user, "tokenFile") is { } tf ? File.ReadAllText(Path.Combine(dir, tf)).Trim() : null);
            var certPem = PemText(user, "client-certificate", dir);
            var keyPem = PemText(user, "client-key", dir);
            if (certPem is not null && keyPem is not null) clientCert = X509Certificate2.CreateFromPem(certPem, keyPem);
        }
        return new ClusterConnection(new Uri(server.TrimEnd('/') + "/"), token, ca, clientCert, insecure);
    }

    private static YamlMappingNode? Named(YamlMappingNode root, string list, string name, string path, bool optional = false)
    {
        if (root.Children.TryGetValue(new YamlScalarNode(list), out var node) && node is YamlSequenceNode seq)
            foreach (var item in seq.Children.OfType<YamlMappingNode>())
                if (Scalar(item, "name") == name) return item;
        return optional ? null : throw Error(path, list, $"no entry named \"{name}\"");
    }

    private static string? Scalar(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var v) && v is YamlScalarNode s ? s.Value : null;

    private static string? PemText(YamlMappingNode map, string key, string dir) =>
        Scalar(map, key + "-data") is { } data ? System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(data))
        : Scalar(map, key) is { } file ? File.ReadAllText(Path.Combine(dir, file)) : null;

    private static X509Certificate2? Pem(YamlMappingNode map, string key, string dir) =>
        PemText(map, key, dir) is { } pem ? X509Certificate2.CreateFromPem(pem) : null;

    private static InvalidDataException Error(string path, string field, string message) => new($"{path}: {field}: {message}");
}

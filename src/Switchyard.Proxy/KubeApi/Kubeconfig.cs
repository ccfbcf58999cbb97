using System.Text;

namespace Switchyard.Proxy.KubeApi;

/// <summary>A kubeconfig with one cluster, user and context named <c>switchyard</c>, pointing kubectl at the config API.</summary>
public static class Kubeconfig
{
    public static string Render(string server, string? token, string? caData, string ns)
    {
        var sb = new StringBuilder();
        sb.Append("apiVersion: v1\nkind: Config\nclusters:\n- name: switchyard\n  cluster:\n");
        sb.Append("    server: ").Append(server).Append('\n');
        if (caData is not null) sb.Append("    certificate-authority-data: ").Append(caData).Append('\n');
        sb.Append("contexts:\n- name: switchyard\n  context:\n    cluster: switchyard\n    user: switchyard\n");
        sb.Append("    namespace: ").Append(ns).Append('\n');
        sb.Append("current-context: switchyard\nusers:\n- name: switchyard\n  user:");
        sb.Append(token is null ? " {}\n" : $"\n    token: {token}\n");
        return sb.ToString();
    }
}

using System.Text;

namespace Switchyard.Bench.LoadValidate;

/// <summary>
/// Writes realistic mesh config, about 9 MB per 10,000 services as in issue 10: per service one
/// VirtualService (a header match to v2, then a weighted v1/v2 split with retries and a timeout;
/// every other one adds a uri rule) and one DestinationRule (a load balancer, simple or by
/// consistent hash, a connection pool, outlier detection on some, two subsets). Deterministic:
/// service i always looks the same.
/// </summary>
internal static class ConfigGenerator
{
    /// <summary>Writes <paramref name="count"/> services spread over <paramref name="files"/> files; returns bytes written.</summary>
    public static long WriteFiles(string directory, int count, int files)
    {
        long bytes = 0;
        var perFile = (count + files - 1) / files;
        for (var f = 0; f * perFile < count; f++)
        {
            var sb = new StringBuilder();
            for (var i = f * perFile; i < Math.Min(count, (f + 1) * perFile); i++)
            {
                AppendVirtualService(sb, i);
                AppendDestinationRule(sb, i);
            }
            var path = Path.Combine(directory, $"mesh-{f:D4}.yaml");
            File.WriteAllText(path, sb.ToString());
            bytes += sb.Length;
        }
        return bytes;
    }

    private static string Name(int i) => $"svc-{i:D5}";

    private static string Namespace(int i) => $"team-{i % 50:D2}";

    private static void AppendVirtualService(StringBuilder sb, int i)
    {
        var host = Name(i);
        var canary = 5 + i % 20;
        sb.Append($"""
            ---
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: {host}
              namespace: {Namespace(i)}
            spec:
              hosts:
              - {host}
              http:
              - match:
                - headers:
                    x-tester:
                      exact: "yes"
                route:
                - destination:
                    host: {host}
                    subset: v2

            """);
        if (i % 2 == 0)
        {
            sb.Append($"""
                  - match:
                    - uri:
                        prefix: /static/
                    route:
                    - destination:
                        host: {host}
                        subset: v1
                    timeout: 1s

                """);
        }
        sb.Append($"""
              - route:
                - destination:
                    host: {host}
                    subset: v1
                  weight: {100 - canary}
                - destination:
                    host: {host}
                    subset: v2
                  weight: {canary}
                retries:
                  attempts: 3
                  perTryTimeout: 2s
                timeout: 10s

            """);
    }

    private static void AppendDestinationRule(StringBuilder sb, int i)
    {
        var host = Name(i);
        sb.Append($"""
            ---
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata:
              name: {host}
              namespace: {Namespace(i)}
            spec:
              host: {host}
              trafficPolicy:
                loadBalancer:

            """);
        sb.Append(i % 3 == 0 ? "      consistentHash:\n        httpHeaderName: x-user\n" : $"      simple: {(i % 3 == 1 ? "ROUND_ROBIN" : "LEAST_REQUEST")}\n");
        sb.Append($"""
                connectionPool:
                  tcp:
                    maxConnections: {100 + i % 100}
                  http:
                    http1MaxPendingRequests: 64

            """);
        if (i % 4 == 0)
            sb.Append("    outlierDetection:\n      consecutive5xxErrors: 5\n      interval: 10s\n      baseEjectionTime: 30s\n");
        sb.Append("""
              subsets:
              - name: v1
                labels:
                  version: v1
              - name: v2
                labels:
                  version: v2

            """);
    }
}

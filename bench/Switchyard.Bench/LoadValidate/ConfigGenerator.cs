using System.Text;

namespace Switchyard.Bench.LoadValidate;

/// <summary>
/// Writes realistic mesh config: per service one VirtualService (2-3 HTTP rules with header and
/// uri matches, a weighted v1/v2 split, retries, timeout) and one DestinationRule (subsets, load
/// balancer, connection pool, outlier detection). Deterministic: service i always looks the same.
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
              labels:
                app: {host}
            spec:
              hosts:
              - {host}
              - {host}.example.com
              http:
              - name: testers
                match:
                - headers:
                    x-tester:
                      exact: "yes"
                  uri:
                    prefix: /api/v2
                route:
                - destination:
                    host: {host}
                    subset: v2
                  weight: 100
                timeout: 5s

            """);
        if (i % 2 == 0)
        {
            sb.Append($"""
                  - name: static
                    match:
                    - uri:
                        regex: "/static/[a-z0-9]+\\.(css|js)"
                    - uri:
                        exact: /favicon.ico
                    route:
                    - destination:
                        host: {host}
                        subset: v1
                    timeout: 1s

                """);
        }
        sb.Append($"""
              - name: default
                route:
                - destination:
                    host: {host}
                    subset: v1
                    port:
                      number: 8080
                  weight: {100 - canary}
                - destination:
                    host: {host}
                    subset: v2
                    port:
                      number: 8080
                  weight: {canary}
                retries:
                  attempts: 3
                  perTryTimeout: 2s
                  retryOn: 5xx,reset,connect-failure
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
                  simple: {(i % 3 == 0 ? "ROUND_ROBIN" : "LEAST_REQUEST")}
                connectionPool:
                  tcp:
                    maxConnections: {100 + i % 100}
                    connectTimeout: 250ms
                  http:
                    http1MaxPendingRequests: 64
                    maxRequestsPerConnection: 100
                outlierDetection:
                  consecutive5xxErrors: 5
                  interval: 10s
                  baseEjectionTime: 30s
                  maxEjectionPercent: 50
              subsets:
              - name: v1
                labels:
                  version: v1
              - name: v2
                labels:
                  version: v2
                trafficPolicy:
                  connectionPool:
                    http:
                      http1MaxPendingRequests: 16

            """);
    }
}

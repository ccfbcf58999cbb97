namespace Switchyard.Translation.Policies.ConnectionPool;

/// <summary>Which HTTP version the proxy speaks to the cluster's endpoints.</summary>
public enum UpstreamProtocol
{
    /// <summary>HTTP/1.1: Istio's mesh default h2UpgradePolicy is DO_NOT_UPGRADE.</summary>
    Http11,
    /// <summary>h2UpgradePolicy UPGRADE: HTTP/2 with prior knowledge (h2c) on plain text.</summary>
    Http2,
    /// <summary>useClientProtocol: the downstream request's version (Envoy's use_downstream_protocol_config).</summary>
    ClientProtocol,
}

namespace Switchyard.Proxy;

/// <summary>Marker for the proxy assembly.</summary>
public static class ProxyAssembly;

namespace Switchyard.Cli.Commands.ProxyConfig;

/// <summary>A source that cannot be read (dead admin address, unreadable or malformed dump): the
/// command prints its message as one line and exits 1, as istioctl does.</summary>
public sealed class ProxyConfigException(string message) : Exception(message);

using Microsoft.Extensions.Logging;

namespace Switchyard.Proxy.Hosting;

/// <summary>Hands a Kestrel application's loggers out of the host's factory, so Kestrel logs
/// where the rest of the host does. The host owns (and disposes) the factory.</summary>
internal sealed class ForwardingLoggerProvider(ILoggerFactory factory) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => factory.CreateLogger(categoryName);

    public void Dispose() { }
}

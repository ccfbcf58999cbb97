namespace Switchyard.Proxy.Upstream;

/// <summary>A cluster's upstream client: its attempt loop over one tuned SocketsHttpHandler.</summary>
public sealed class ClusterInvoker(AttemptHandler attempts) : HttpMessageInvoker(attempts, disposeHandler: true)
{
    public AttemptHandler Attempts { get; } = attempts;
}
